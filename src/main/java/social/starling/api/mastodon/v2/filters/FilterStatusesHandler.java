package social.starling.api.mastodon.v2.filters;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.FilterApiMapper;
import social.starling.errors.UnprocessableException;
import social.starling.service.filter.FilterService;

/**
 * {@code GET/POST /api/v2/filters/:filter_id/statuses} and {@code GET/DELETE /api/v2/filters/statuses/:id}.
 */
public final class FilterStatusesHandler {
    private final ApiAuth auth;
    private final FilterService filters;
    private final FilterApiMapper mapper;
    private final ObjectMapper json;

    public FilterStatusesHandler(ApiAuth auth, FilterService filters, FilterApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.filters = filters;
        this.mapper = mapper;
        this.json = json;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:filters");
        ctx.json(filters.find(caller.accountId(), AccountsHandler.pathId(ctx)).statuses().stream()
                .map(mapper::toApi).toList());
    }

    public void create(Context ctx) {
        var caller = auth.user(ctx, "write:filters");
        Long statusId;
        try {
            statusId = Params.of(ctx, json).longValue("status_id").orElse(null);
        } catch (RuntimeException e) {
            throw new UnprocessableException("Validation failed: Status must exist");
        }
        ctx.json(mapper.toApi(filters.addStatus(caller.accountId(), AccountsHandler.pathId(ctx), statusId)));
    }

    public void show(Context ctx) {
        var caller = auth.user(ctx, "read:filters");
        ctx.json(mapper.toApi(filters.status(caller.accountId(), AccountsHandler.pathId(ctx))));
    }

    public void destroy(Context ctx) {
        var caller = auth.user(ctx, "write:filters");
        filters.deleteStatus(caller.accountId(), AccountsHandler.pathId(ctx));
        ctx.json(Map.of());
    }
}
