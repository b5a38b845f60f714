package social.starling.wiring;

import java.time.Duration;
import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.accounts.FollowsHandler;
import social.starling.api.mastodon.v1.scheduled_statuses.ScheduledStatusesHandler;
import social.starling.api.mastodon.v1.statuses.StatusesHandler;
import social.starling.api.mastodon.v1.timelines.HomeTimelineHandler;
import social.starling.api.mastodon.v1.timelines.PublicTimelineHandler;
import social.starling.convert.RelationshipApiMapper;
import social.starling.convert.ScheduledStatusApiMapper;
import social.starling.jobs.JobRunner;
import social.starling.service.status.ScheduledStatusService;
import social.starling.service.status.StatusJobs;

/** Posting (now or scheduled), reading and deleting statuses, home and public timelines, follows; distribution. */
public final class StatusModule implements Module {
    private final Core core;
    private final StatusComponents statuses;
    private final StatusesHandler statusesApi;
    private final ScheduledStatusesHandler scheduled;
    private final HomeTimelineHandler home;
    private final PublicTimelineHandler publicTimeline;
    private final FollowsHandler follows;

    public StatusModule(Core core, StatusComponents statuses, GraphComponents graph, Edges edges) {
        this.core = core;
        this.statuses = statuses;
        var auth = edges.auth();
        this.scheduled = new ScheduledStatusesHandler(auth, statuses.scheduled(), new ScheduledStatusApiMapper(),
                core.json(), core.baseUrl());
        this.statusesApi = new StatusesHandler(auth, statuses.post(), statuses.delete(), statuses.views(),
                edges.statusApi(), core.json(), scheduled.posting(), edges.accountApi());
        this.home = new HomeTimelineHandler(auth, statuses.homeFeed(), edges.statusApi(), core.baseUrl());
        this.publicTimeline = new PublicTimelineHandler(auth, statuses.publicTimeline(), edges.statusApi(),
                core.baseUrl());
        this.follows = new FollowsHandler(auth, graph.follows(), graph.relationships(), new RelationshipApiMapper(),
                core.json());
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi()
                .post("/api/v1/statuses", statusesApi::create)
                .get("/api/v1/statuses", statusesApi::index)
                .get("/api/v1/statuses/{id}", statusesApi::show)
                .delete("/api/v1/statuses/{id}", statusesApi::destroy)
                .get("/api/v1/scheduled_statuses", scheduled::index)
                .get("/api/v1/scheduled_statuses/{id}", scheduled::show)
                .update("/api/v1/scheduled_statuses/{id}", scheduled::update)
                .delete("/api/v1/scheduled_statuses/{id}", scheduled::destroy)
                .get("/api/v1/timelines/home", home::handle)
                .get("/api/v1/timelines/public", publicTimeline::handle)
                .post("/api/v1/accounts/{id}/follow", follows::follow)
                .post("/api/v1/accounts/{id}/unfollow", follows::unfollow)
                .get("/api/v1/accounts/relationships", follows::relationships);
    }

    @Override
    public void jobs(JobRunner jobs) {
        jobs.register(StatusJobs.DISTRIBUTE, statuses.distribute()::handle);
        jobs.register(ScheduledStatusService.JOB, statuses.scheduled()::handle);
        jobs.every("feeds.trim", Duration.ofMinutes(10), statuses.homeFeed()::trim);
        jobs.every("feeds.stale", Duration.ofHours(1),
                () -> statuses.homeFeed().markInactiveStale(core.config().feeds().activeDays()));
    }
}
