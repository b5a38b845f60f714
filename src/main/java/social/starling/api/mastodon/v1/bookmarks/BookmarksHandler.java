package social.starling.api.mastodon.v1.bookmarks;

import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.StatusApiMapper;
import social.starling.model.Page;
import social.starling.model.view.StatusView;
import social.starling.service.interaction.Listing;
import social.starling.service.interaction.MarkedStatusesService;

/**
 * {@code GET /api/v1/bookmarks}: the caller's bookmarked statuses, most recently bookmarked first (20 by default,
 * up to 40); the Link header pages by the bookmarks' ids, as Mastodon's BookmarksController does.
 */
public final class BookmarksHandler {
    private final ApiAuth auth;
    private final MarkedStatusesService service;
    private final StatusApiMapper mapper;
    private final String baseUrl;

    public BookmarksHandler(ApiAuth auth, MarkedStatusesService service, StatusApiMapper mapper, String baseUrl) {
        this.auth = auth;
        this.service = service;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:bookmarks");
        Page page = Paging.page(ctx, 20, 40);
        Listing<StatusView> listing = service.bookmarks(caller.accountId(), page);
        Paging.link(ctx, baseUrl, listing.pageIds(), page);
        ctx.json(mapper.toApi(listing.items()));
    }
}
