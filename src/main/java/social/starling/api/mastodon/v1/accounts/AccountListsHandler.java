package social.starling.api.mastodon.v1.accounts;

import io.javalin.http.Context;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.ListApiMapper;
import social.starling.service.list.ListService;

/** {@code GET /api/v1/accounts/:id/lists} (read:lists): the caller's lists that hold the account. */
public final class AccountListsHandler {
    private final ApiAuth auth;
    private final ListService lists;
    private final ListApiMapper mapper;

    public AccountListsHandler(ApiAuth auth, ListService lists, ListApiMapper mapper) {
        this.auth = auth;
        this.lists = lists;
        this.mapper = mapper;
    }

    public void handle(Context ctx) {
        var caller = auth.user(ctx, "read:lists");
        ctx.json(mapper.toApi(lists.containing(caller.accountId(), AccountsHandler.pathId(ctx))));
    }
}
