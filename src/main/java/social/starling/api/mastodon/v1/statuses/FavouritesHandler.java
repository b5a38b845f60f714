package social.starling.api.mastodon.v1.statuses;

import io.javalin.http.Context;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.StatusApiMapper;
import social.starling.service.interaction.FavouriteService;

/** {@code POST /api/v1/statuses/:id/favourite} and {@code /unfavourite} (Mastodon's Statuses::FavouritesController). */
public final class FavouritesHandler {
    private final ApiAuth auth;
    private final FavouriteService service;
    private final StatusApiMapper mapper;

    public FavouritesHandler(ApiAuth auth, FavouriteService service, StatusApiMapper mapper) {
        this.auth = auth;
        this.service = service;
        this.mapper = mapper;
    }

    public void favourite(Context ctx) {
        var caller = auth.user(ctx, "write:favourites");
        ctx.json(mapper.toApi(service.favourite(caller.accountId(), AccountsHandler.pathId(ctx))));
    }

    public void unfavourite(Context ctx) {
        var caller = auth.user(ctx, "write:favourites");
        ctx.json(mapper.toApi(service.unfavourite(caller.accountId(), AccountsHandler.pathId(ctx))));
    }
}
