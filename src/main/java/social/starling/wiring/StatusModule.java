package social.starling.wiring;

import io.javalin.router.JavalinDefaultRoutingApi;
import social.starling.App;
import social.starling.api.mastodon.v1.accounts.FollowsHandler;
import social.starling.api.mastodon.v1.statuses.StatusesHandler;
import social.starling.api.mastodon.v1.timelines.HomeTimelineHandler;
import social.starling.convert.RelationshipApiMapper;

/** Posting, reading statuses, the home timeline, follows and relationships. */
public final class StatusModule implements Module {
    @Override
    public void install(App app, Wiring wiring) {
        var statuses = new StatusesHandler(app.apiAuth, app.postStatus, app.deleteStatus, app.statusViews,
                app.statusApi, app.json, Modules.scheduledPosting(app));
        var home = new HomeTimelineHandler(app.apiAuth, app.homeFeed, app.statusApi, app.baseUrl);
        var publicTimeline = new social.starling.api.mastodon.v1.timelines.PublicTimelineHandler(app.apiAuth,
                new social.starling.service.timeline.PublicTimelineService(app.db, app.statuses, app.statusViews), app.statusApi,
                app.baseUrl);
        var follows = new FollowsHandler(app.apiAuth, app.follows, app.relationshipService,
                new RelationshipApiMapper(), app.json);
        wiring.routes((JavalinDefaultRoutingApi r) -> {
            r.post("/api/v1/statuses", statuses::create);
            r.get("/api/v1/statuses", statuses::index);
            r.get("/api/v1/statuses/{id}", statuses::show);
            r.delete("/api/v1/statuses/{id}", statuses::destroy);
            r.get("/api/v1/timelines/home", home::handle);
            r.get("/api/v1/timelines/public", publicTimeline::handle);
            r.post("/api/v1/accounts/{id}/follow", follows::follow);
            r.post("/api/v1/accounts/{id}/unfollow", follows::unfollow);
            r.get("/api/v1/accounts/relationships", follows::relationships);
        });
    }
}
