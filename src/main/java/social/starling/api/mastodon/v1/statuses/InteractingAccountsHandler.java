package social.starling.api.mastodon.v1.statuses;

import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.AccountApiMapper;
import social.starling.model.Account;
import social.starling.model.Page;
import social.starling.service.interaction.InteractingAccountsService;
import social.starling.service.interaction.Listing;

/**
 * {@code GET /api/v1/statuses/:id/favourited_by} and {@code /reblogged_by} (Mastodon's
 * FavouritedByAccountsController and RebloggedByAccountsController): public for statuses anyone may see, 40
 * accounts by default, up to 80, with a Link header over the favourites' / reblogs' ids.
 */
public final class InteractingAccountsHandler {
    private final ApiAuth auth;
    private final InteractingAccountsService service;
    private final AccountApiMapper mapper;
    private final String baseUrl;

    public InteractingAccountsHandler(ApiAuth auth, InteractingAccountsService service, AccountApiMapper mapper,
                                      String baseUrl) {
        this.auth = auth;
        this.service = service;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public void favouritedBy(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(c -> c.accountId()).orElse(null);
        Page page = Paging.page(ctx, 40, 80);
        render(ctx, service.favouritedBy(AccountsHandler.pathId(ctx), viewer, page), page);
    }

    public void rebloggedBy(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(c -> c.accountId()).orElse(null);
        Page page = Paging.page(ctx, 40, 80);
        render(ctx, service.rebloggedBy(AccountsHandler.pathId(ctx), viewer, page), page);
    }

    private void render(Context ctx, Listing<Account> listing, Page page) {
        Paging.link(ctx, baseUrl, listing.pageIds(), page);
        ctx.json(listing.items().stream().map(mapper::toApi).toList());
    }
}
