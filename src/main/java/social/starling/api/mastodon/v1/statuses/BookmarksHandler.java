package social.starling.api.mastodon.v1.statuses;

import io.javalin.http.Context;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.StatusApiMapper;
import social.starling.service.interaction.BookmarkService;

/** {@code POST /api/v1/statuses/:id/bookmark} and {@code /unbookmark} (Mastodon's Statuses::BookmarksController). */
public final class BookmarksHandler {
    private final ApiAuth auth;
    private final BookmarkService service;
    private final StatusApiMapper mapper;

    public BookmarksHandler(ApiAuth auth, BookmarkService service, StatusApiMapper mapper) {
        this.auth = auth;
        this.service = service;
        this.mapper = mapper;
    }

    public void bookmark(Context ctx) {
        var caller = auth.user(ctx, "write:bookmarks");
        ctx.json(mapper.toApi(service.bookmark(caller.accountId(), AccountsHandler.pathId(ctx))));
    }

    public void unbookmark(Context ctx) {
        var caller = auth.user(ctx, "write:bookmarks");
        ctx.json(mapper.toApi(service.unbookmark(caller.accountId(), AccountsHandler.pathId(ctx))));
    }
}
