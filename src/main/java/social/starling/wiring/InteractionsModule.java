package social.starling.wiring;

import io.javalin.router.JavalinDefaultRoutingApi;
import social.starling.App;
import social.starling.api.mastodon.v1.bookmarks.BookmarksHandler;
import social.starling.api.mastodon.v1.favourites.FavouritesHandler;
import social.starling.api.mastodon.v1.statuses.InteractingAccountsHandler;
import social.starling.api.mastodon.v1.statuses.MutesHandler;
import social.starling.api.mastodon.v1.statuses.PinsHandler;
import social.starling.api.mastodon.v1.statuses.ReblogsHandler;
import social.starling.db.ConversationMuteRepository;
import social.starling.db.ReblogRepository;
import social.starling.db.StatusMarkRepository;
import social.starling.service.interaction.BookmarkService;
import social.starling.service.interaction.ConversationMuteService;
import social.starling.service.interaction.FavouriteService;
import social.starling.service.interaction.InteractingAccountsService;
import social.starling.service.interaction.MarkedStatusesService;
import social.starling.service.interaction.PinService;
import social.starling.service.interaction.ReblogService;

/**
 * Interactions with statuses: favourites, reblogs, bookmarks, pins, muted threads, who favourited or reblogged,
 * and the caller's favourites and bookmarks lists.
 */
public final class InteractionsModule implements Module {
    @Override
    public void install(App app, Wiring wiring) {
        var marks = new StatusMarkRepository();
        var reblogRepository = new ReblogRepository();
        var auth = app.apiAuth;

        var favourite = new social.starling.api.mastodon.v1.statuses.FavouritesHandler(auth,
                new FavouriteService(app.db, marks, app.statuses, app.statusViews, app.notify, app.ids, app.clock),
                app.statusApi);
        var bookmark = new social.starling.api.mastodon.v1.statuses.BookmarksHandler(auth,
                new BookmarkService(app.db, marks, app.statuses, app.statusViews, app.ids, app.clock), app.statusApi);
        var reblog = new ReblogsHandler(auth, new ReblogService(app.db, app.statuses, reblogRepository, app.accounts,
                app.users, app.feeds, app.statusViews, app.notify, app.jobs, app.ids, app.uris, app.clock),
                app.statusApi, app.json);
        var pin = new PinsHandler(auth, new PinService(app.db, marks, app.statusViews, app.ids, app.clock),
                app.statusApi);
        var mute = new MutesHandler(auth, new ConversationMuteService(app.db, new ConversationMuteRepository(),
                app.statusViews), app.statusApi);
        var who = new InteractingAccountsHandler(auth, new InteractingAccountsService(app.db, marks,
                reblogRepository, app.accounts, app.statusViews, app.relationsCache), app.accountApi, app.baseUrl);
        var lists = new MarkedStatusesService(app.db, marks, app.statusViews);
        var favourites = new FavouritesHandler(auth, lists, app.statusApi, app.baseUrl);
        var bookmarks = new BookmarksHandler(auth, lists, app.statusApi, app.baseUrl);

        wiring.routes((JavalinDefaultRoutingApi r) -> {
            r.post("/api/v1/statuses/{id}/favourite", favourite::favourite);
            r.post("/api/v1/statuses/{id}/unfavourite", favourite::unfavourite);
            r.post("/api/v1/statuses/{id}/reblog", reblog::reblog);
            r.post("/api/v1/statuses/{id}/unreblog", reblog::unreblog);
            r.post("/api/v1/statuses/{id}/bookmark", bookmark::bookmark);
            r.post("/api/v1/statuses/{id}/unbookmark", bookmark::unbookmark);
            r.post("/api/v1/statuses/{id}/pin", pin::pin);
            r.post("/api/v1/statuses/{id}/unpin", pin::unpin);
            r.post("/api/v1/statuses/{id}/mute", mute::mute);
            r.post("/api/v1/statuses/{id}/unmute", mute::unmute);
            r.get("/api/v1/statuses/{id}/favourited_by", who::favouritedBy);
            r.get("/api/v1/statuses/{id}/reblogged_by", who::rebloggedBy);
            r.get("/api/v1/favourites", favourites::index);
            r.get("/api/v1/bookmarks", bookmarks::index);
        });
    }
}
