package social.starling.api.mastodon.v1.filters;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.FilterApiMapper;
import social.starling.errors.UnprocessableException;
import social.starling.service.filter.FilterV1Service;

/** The deprecated {@code /api/v1/filters} (GET, POST) and {@code /api/v1/filters/:id} (GET, PUT, DELETE). */
public final class FiltersV1Handler {
    private final ApiAuth auth;
    private final FilterV1Service filters;
    private final FilterApiMapper mapper;
    private final ObjectMapper json;

    public FiltersV1Handler(ApiAuth auth, FilterV1Service filters, FilterApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.filters = filters;
        this.mapper = mapper;
        this.json = json;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:filters");
        ctx.json(filters.list(caller.accountId()).stream().map(f -> mapper.toV1(f.filter(), f.keyword())).toList());
    }

    public void show(Context ctx) {
        var caller = auth.user(ctx, "read:filters");
        var f = filters.find(caller.accountId(), AccountsHandler.pathId(ctx));
        ctx.json(mapper.toV1(f.filter(), f.keyword()));
    }

    public void create(Context ctx) {
        var caller = auth.user(ctx, "write:filters");
        Params p = Params.of(ctx, json);
        var f = filters.create(caller.accountId(), p.string("phrase").orElse(""), p.strings("context"),
                p.bool("irreversible", false), p.bool("whole_word").orElse(null), p.has("expires_in"),
                seconds(p));
        ctx.json(mapper.toV1(f.filter(), f.keyword()));
    }

    public void update(Context ctx) {
        var caller = auth.user(ctx, "write:filters");
        Params p = Params.of(ctx, json);
        var f = filters.update(caller.accountId(), AccountsHandler.pathId(ctx), p.string("phrase").orElse(null),
                p.has("context") ? p.strings("context") : null, p.bool("irreversible").orElse(null),
                p.bool("whole_word").orElse(null), p.has("expires_in"), seconds(p));
        ctx.json(mapper.toV1(f.filter(), f.keyword()));
    }

    public void destroy(Context ctx) {
        var caller = auth.user(ctx, "write:filters");
        filters.delete(caller.accountId(), AccountsHandler.pathId(ctx));
        ctx.json(Map.of());
    }

    private static Long seconds(Params p) {
        String raw = p.string("expires_in").orElse("").strip();
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(raw));
        } catch (NumberFormatException e) {
            throw new UnprocessableException("Validation failed: Expires in is not a number");
        }
    }
}
