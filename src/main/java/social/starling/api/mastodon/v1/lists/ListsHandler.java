package social.starling.api.mastodon.v1.lists;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.ListApiMapper;
import social.starling.service.list.ListService;

/**
 * {@code GET /api/v1/lists}, {@code GET /api/v1/lists/:id} (read:lists), {@code POST /api/v1/lists},
 * {@code PUT /api/v1/lists/:id} with {@code title}, {@code replies_policy} (followed, list or none; list by
 * default) and {@code exclusive}, and {@code DELETE /api/v1/lists/:id} (write:lists). Someone else's list is a 404.
 */
public final class ListsHandler {
    private final ApiAuth auth;
    private final ListService lists;
    private final ListApiMapper mapper;
    private final ObjectMapper json;

    public ListsHandler(ApiAuth auth, ListService lists, ListApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.lists = lists;
        this.mapper = mapper;
        this.json = json;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:lists");
        ctx.json(mapper.toApi(lists.all(caller.accountId())));
    }

    public void show(Context ctx) {
        var caller = auth.user(ctx, "read:lists");
        ctx.json(mapper.toApi(lists.require(caller.accountId(), AccountsHandler.pathId(ctx))));
    }

    public void create(Context ctx) {
        var caller = auth.user(ctx, "write:lists");
        ctx.json(mapper.toApi(lists.create(caller.accountId(), changes(Params.of(ctx, json)))));
    }

    public void update(Context ctx) {
        var caller = auth.user(ctx, "write:lists");
        long id = AccountsHandler.pathId(ctx);
        ctx.json(mapper.toApi(lists.update(caller.accountId(), id, changes(Params.of(ctx, json)))));
    }

    public void destroy(Context ctx) {
        var caller = auth.user(ctx, "write:lists");
        lists.delete(caller.accountId(), AccountsHandler.pathId(ctx));
        ctx.json(Map.of());
    }

    private static ListService.Changes changes(Params p) {
        return new ListService.Changes(p.string("title").orElse(null), p.string("replies_policy").orElse(null),
                p.bool("exclusive").orElse(null));
    }
}
