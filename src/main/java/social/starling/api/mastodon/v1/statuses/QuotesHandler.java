package social.starling.api.mastodon.v1.statuses;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.StatusApiMapper;
import social.starling.errors.NotFoundException;
import social.starling.service.status.QuoteService;

/**
 * Mastodon 4.5's quote endpoints: {@code GET /api/v1/statuses/:id/quotes} (Statuses::QuotesController#index, 20 by
 * default, at most 40, paged by quote id), {@code POST /api/v1/statuses/:id/quotes/:quoting_status_id/revoke} and
 * {@code PUT|PATCH /api/v1/statuses/:id/interaction_policy} (Statuses::InteractionPoliciesController).
 */
public final class QuotesHandler {
    private final ApiAuth auth;
    private final QuoteService service;
    private final StatusApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public QuotesHandler(ApiAuth auth, QuoteService service, StatusApiMapper mapper, ObjectMapper json,
                         String baseUrl) {
        this.auth = auth;
        this.service = service;
        this.mapper = mapper;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:statuses");
        var page = Paging.page(ctx, 20, 40);
        var found = service.quotes(caller.accountId(), AccountsHandler.pathId(ctx), page);
        Paging.link(ctx, baseUrl, found.pagingIds(), page);
        ctx.json(mapper.toApi(found.statuses()));
    }

    public void revoke(Context ctx) {
        var caller = auth.user(ctx, "write:statuses");
        long quoting = parse(ctx.pathParam("quoting_status_id"));
        ctx.json(mapper.toApi(service.revoke(caller.accountId(), AccountsHandler.pathId(ctx), quoting)));
    }

    public void interactionPolicy(Context ctx) {
        var caller = auth.user(ctx, "write:statuses");
        Params p = Params.of(ctx, json);
        ctx.json(mapper.toApi(service.setPolicy(caller.accountId(), AccountsHandler.pathId(ctx),
                p.string("quote_approval_policy").orElse(null))));
    }

    private static long parse(String raw) {
        Long id = StatusesHandler.parse(raw);
        if (id == null) {
            throw new NotFoundException("Record not found");
        }
        return id;
    }
}
