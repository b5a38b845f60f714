package social.starling.api.mastodon.v2.filters;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.FilterApiMapper;
import social.starling.service.filter.FilterService;

/**
 * {@code GET/POST /api/v2/filters/:filter_id/keywords} and {@code GET/PUT/DELETE /api/v2/filters/keywords/:id}.
 */
public final class FilterKeywordsHandler {
    private final ApiAuth auth;
    private final FilterService filters;
    private final FilterApiMapper mapper;
    private final ObjectMapper json;

    public FilterKeywordsHandler(ApiAuth auth, FilterService filters, FilterApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.filters = filters;
        this.mapper = mapper;
        this.json = json;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:filters");
        ctx.json(filters.find(caller.accountId(), AccountsHandler.pathId(ctx)).keywords().stream()
                .map(mapper::toApi).toList());
    }

    public void create(Context ctx) {
        var caller = auth.user(ctx, "write:filters");
        Params p = Params.of(ctx, json);
        ctx.json(mapper.toApi(filters.addKeyword(caller.accountId(), AccountsHandler.pathId(ctx),
                p.string("keyword").orElse(null), p.bool("whole_word").orElse(null))));
    }

    public void show(Context ctx) {
        var caller = auth.user(ctx, "read:filters");
        ctx.json(mapper.toApi(filters.keyword(caller.accountId(), AccountsHandler.pathId(ctx))));
    }

    public void update(Context ctx) {
        var caller = auth.user(ctx, "write:filters");
        Params p = Params.of(ctx, json);
        ctx.json(mapper.toApi(filters.updateKeyword(caller.accountId(), AccountsHandler.pathId(ctx),
                p.string("keyword").orElse(null), p.bool("whole_word").orElse(null))));
    }

    public void destroy(Context ctx) {
        var caller = auth.user(ctx, "write:filters");
        filters.deleteKeyword(caller.accountId(), AccountsHandler.pathId(ctx));
        ctx.json(Map.of());
    }
}
