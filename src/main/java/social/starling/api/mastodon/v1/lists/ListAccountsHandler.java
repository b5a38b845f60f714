package social.starling.api.mastodon.v1.lists;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.AccountApiMapper;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.Page;
import social.starling.service.list.ListMembersService;

/**
 * {@code GET /api/v1/lists/:id/accounts} (read:lists): members, 40 by default and up to 80, paged by account id as
 * Mastodon pages them, or all of them with {@code limit=0}; {@code POST} and {@code DELETE} with
 * {@code account_ids[]} (write:lists) answer {@code {}}. Only accounts the caller follows may be added.
 */
public final class ListAccountsHandler {
    private final ApiAuth auth;
    private final ListMembersService members;
    private final AccountApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public ListAccountsHandler(ApiAuth auth, ListMembersService members, AccountApiMapper mapper, ObjectMapper json,
                               String baseUrl) {
        this.auth = auth;
        this.members = members;
        this.mapper = mapper;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:lists");
        long id = AccountsHandler.pathId(ctx);
        boolean all = "0".equals(ctx.queryParam("limit"));
        Page page = all ? null : Paging.page(ctx, 40, 80);
        List<Account> accounts = members.members(caller.accountId(), id, page);
        if (!all) {
            Paging.link(ctx, baseUrl, accounts.stream().map(Account::id).toList(), page);
        }
        ctx.json(accounts.stream().map(mapper::toApi).toList());
    }

    public void add(Context ctx) {
        var caller = auth.user(ctx, "write:lists");
        long id = AccountsHandler.pathId(ctx);
        members.add(caller.accountId(), id, accountIds(Params.of(ctx, json)));
        ctx.json(Map.of());
    }

    public void remove(Context ctx) {
        var caller = auth.user(ctx, "write:lists");
        long id = AccountsHandler.pathId(ctx);
        members.remove(caller.accountId(), id, accountIds(Params.of(ctx, json)));
        ctx.json(Map.of());
    }

    /** Account ids are numbers; anything else names no account (Mastodon's Account.find: 404). */
    private static List<Long> accountIds(Params p) {
        return p.strings("account_ids").stream().map(s -> {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new NotFoundException("Record not found");
            }
        }).distinct().toList();
    }
}
