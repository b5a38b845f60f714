package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.bookmarks.BookmarksHandler;
import social.starling.api.mastodon.v1.favourites.FavouritesHandler;
import social.starling.api.mastodon.v1.statuses.InteractingAccountsHandler;
import social.starling.api.mastodon.v1.statuses.MutesHandler;
import social.starling.api.mastodon.v1.statuses.PinsHandler;
import social.starling.api.mastodon.v1.statuses.ReblogsHandler;

/**
 * Interactions with statuses: favourites, reblogs, bookmarks, pins, muted threads, who favourited or reblogged,
 * and the caller's favourites and bookmarks lists.
 */
public final class InteractionsModule implements Module {
    private final social.starling.api.mastodon.v1.statuses.FavouritesHandler favourite;
    private final social.starling.api.mastodon.v1.statuses.BookmarksHandler bookmark;
    private final ReblogsHandler reblog;
    private final PinsHandler pin;
    private final MutesHandler mute;
    private final InteractingAccountsHandler who;
    private final FavouritesHandler favourites;
    private final BookmarksHandler bookmarks;

    public InteractionsModule(InteractionComponents interactions, Edges edges) {
        var auth = edges.auth();
        this.favourite = new social.starling.api.mastodon.v1.statuses.FavouritesHandler(auth,
                interactions.favourites(), edges.statusApi());
        this.bookmark = new social.starling.api.mastodon.v1.statuses.BookmarksHandler(auth,
                interactions.bookmarks(), edges.statusApi());
        this.reblog = new ReblogsHandler(auth, interactions.reblogs(), edges.statusApi(), edges.json());
        this.pin = new PinsHandler(auth, interactions.pins(), edges.statusApi());
        this.mute = new MutesHandler(auth, interactions.threadMutes(), edges.statusApi());
        this.who = new InteractingAccountsHandler(auth, interactions.interacting(), edges.accountApi(),
                edges.baseUrl());
        this.favourites = new FavouritesHandler(auth, interactions.marked(), edges.statusApi(), edges.baseUrl());
        this.bookmarks = new BookmarksHandler(auth, interactions.marked(), edges.statusApi(), edges.baseUrl());
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi()
                .post("/api/v1/statuses/{id}/favourite", favourite::favourite)
                .post("/api/v1/statuses/{id}/unfavourite", favourite::unfavourite)
                .post("/api/v1/statuses/{id}/reblog", reblog::reblog)
                .post("/api/v1/statuses/{id}/unreblog", reblog::unreblog)
                .post("/api/v1/statuses/{id}/bookmark", bookmark::bookmark)
                .post("/api/v1/statuses/{id}/unbookmark", bookmark::unbookmark)
                .post("/api/v1/statuses/{id}/pin", pin::pin)
                .post("/api/v1/statuses/{id}/unpin", pin::unpin)
                .post("/api/v1/statuses/{id}/mute", mute::mute)
                .post("/api/v1/statuses/{id}/unmute", mute::unmute)
                .get("/api/v1/statuses/{id}/favourited_by", who::favouritedBy)
                .get("/api/v1/statuses/{id}/reblogged_by", who::rebloggedBy)
                .get("/api/v1/favourites", favourites::index)
                .get("/api/v1/bookmarks", bookmarks::index);
    }
}
