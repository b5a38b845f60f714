package social.starling.api.mastodon.v2.filters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.FilterApiMapper;
import social.starling.errors.UnprocessableException;
import social.starling.service.filter.FilterService;

/** {@code GET/POST /api/v2/filters} and {@code GET/PUT/DELETE /api/v2/filters/:id}. */
public final class FiltersHandler {
    private final ApiAuth auth;
    private final FilterService filters;
    private final FilterApiMapper mapper;
    private final ObjectMapper json;

    public FiltersHandler(ApiAuth auth, FilterService filters, FilterApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.filters = filters;
        this.mapper = mapper;
        this.json = json;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:filters");
        ctx.json(mapper.toApi(filters.list(caller.accountId())));
    }

    public void show(Context ctx) {
        var caller = auth.user(ctx, "read:filters");
        ctx.json(mapper.toApi(filters.find(caller.accountId(), AccountsHandler.pathId(ctx))));
    }

    public void create(Context ctx) {
        var caller = auth.user(ctx, "write:filters");
        ctx.json(mapper.toApi(filters.create(caller.accountId(), request(Params.of(ctx, json)))));
    }

    public void update(Context ctx) {
        var caller = auth.user(ctx, "write:filters");
        ctx.json(mapper.toApi(filters.update(caller.accountId(), AccountsHandler.pathId(ctx),
                request(Params.of(ctx, json)))));
    }

    public void destroy(Context ctx) {
        var caller = auth.user(ctx, "write:filters");
        filters.delete(caller.accountId(), AccountsHandler.pathId(ctx));
        ctx.json(Map.of());
    }

    /** title, context[], filter_action, expires_in (seconds; blank for never), keywords_attributes[]. */
    static FilterService.FilterRequest request(Params p) {
        boolean expiresGiven = p.has("expires_in");
        Long expiresIn = expiresGiven ? seconds(p.string("expires_in").orElse("")) : null;
        return new FilterService.FilterRequest(p.string("title").orElse(null),
                p.has("context") ? p.strings("context") : null, p.string("filter_action").orElse(null),
                expiresGiven, expiresIn, keywords(p.node().get("keywords_attributes")));
    }

    static Long seconds(String raw) {
        if (raw.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            throw new UnprocessableException("Validation failed: Expires in is not a number");
        }
    }

    /** Rails' nested attributes: an array of objects, or an object keyed by index. */
    private static List<FilterService.KeywordChange> keywords(JsonNode node) {
        if (node == null || node.isNull() || !node.isContainerNode()) {
            return null;
        }
        List<FilterService.KeywordChange> out = new ArrayList<>();
        for (JsonNode k : node) {
            if (!k.isObject()) {
                continue;
            }
            Params kp = Params.wrap(k);
            out.add(new FilterService.KeywordChange(kp.longValue("id").orElse(null),
                    kp.string("keyword").orElse(null), kp.bool("whole_word").orElse(null),
                    kp.bool("_destroy", false)));
        }
        return out;
    }
}
