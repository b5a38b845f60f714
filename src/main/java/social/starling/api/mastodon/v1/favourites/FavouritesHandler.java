package social.starling.api.mastodon.v1.favourites;

import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.StatusApiMapper;
import social.starling.model.Page;
import social.starling.model.view.StatusView;
import social.starling.service.interaction.Listing;
import social.starling.service.interaction.MarkedStatusesService;

/**
 * {@code GET /api/v1/favourites}: the caller's favourited statuses, most recently favourited first (20 by default,
 * up to 40); the Link header pages by the favourites' ids, as Mastodon's FavouritesController does.
 */
public final class FavouritesHandler {
    private final ApiAuth auth;
    private final MarkedStatusesService service;
    private final StatusApiMapper mapper;
    private final String baseUrl;

    public FavouritesHandler(ApiAuth auth, MarkedStatusesService service, StatusApiMapper mapper, String baseUrl) {
        this.auth = auth;
        this.service = service;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:favourites");
        Page page = Paging.page(ctx, 20, 40);
        Listing<StatusView> listing = service.favourites(caller.accountId(), page);
        Paging.link(ctx, baseUrl, listing.pageIds(), page);
        ctx.json(mapper.toApi(listing.items()));
    }
}
