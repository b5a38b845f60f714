package social.starling.api.mastodon.v1.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AccountApiMapper;
import social.starling.errors.NotFoundException;
import social.starling.service.account.AccountQueryService;
import social.starling.model.Account;
import social.starling.service.account.RefreshRemoteAccountService;
import social.starling.service.account.ResolveAccountService;

/**
 * Public account lookups: {@code GET /api/v1/accounts/:id}, {@code GET /api/v1/accounts?id[]=},
 * {@code GET /api/v1/accounts/lookup?acct=}, and {@code GET /api/v1/accounts/search?q=&resolve=&following=}.
 *
 * <p>Remote accounts Starling does not know yet are resolved (WebFinger, then the actor) for signed-in callers
 * only: by lookup, and by search with {@code resolve=true} and a handle or URL for a query. Mastodon's lookup never
 * resolves ({@code skip_webfinger: true} in api/v1/accounts/lookup_controller.rb); Starling's does for members, since
 * clients open a mention with it, but not for visitors, so strangers cannot make the server fetch arbitrary hosts.
 */
public final class AccountsHandler {
    private final ApiAuth auth;
    private final AccountQueryService accounts;
    private final ResolveAccountService resolver;
    private final RefreshRemoteAccountService refresh;
    private final AccountApiMapper mapper;
    private final ObjectMapper json;

    public AccountsHandler(ApiAuth auth, AccountQueryService accounts, ResolveAccountService resolver,
                           RefreshRemoteAccountService refresh, AccountApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.accounts = accounts;
        this.resolver = resolver;
        this.refresh = refresh;
        this.mapper = mapper;
        this.json = json;
    }

    /** A remote account stored more than a day ago is shown as stored and refreshed in the background. */
    public void show(Context ctx) {
        Account account = accounts.require(pathId(ctx));
        refresh.scheduleIfStale(account);
        ctx.json(mapper.toApi(account));
    }

    public void index(Context ctx) {
        Params p = Params.of(ctx, json);
        var ids = p.strings("id").stream().limit(40).map(AccountsHandler::parseId)
                .filter(id -> id != null).toList();
        ctx.json(accounts.findAll(ids).stream().map(mapper::toApi).toList());
    }

    public void lookup(Context ctx) {
        String acct = Params.of(ctx, json).require("acct");
        boolean member = auth.optionalUser(ctx).isPresent();
        var found = member ? resolver.resolve(acct) : accounts.lookup(acct);
        ctx.json(mapper.toApi(found.orElseThrow(() -> new NotFoundException("Record not found"))));
    }

    public void search(Context ctx) {
        var caller = auth.user(ctx, "read:accounts");
        Params p = Params.of(ctx, json);
        int limit = Math.max(1, Math.min(80, p.intValue("limit").orElse(40)));
        int offset = Math.max(0, p.intValue("offset").orElse(0));
        String q = p.string("q").orElse("");
        if (p.bool("following", false)) {
            // only among the accounts the caller follows: nothing to resolve, they are known here already
            ctx.json(accounts.searchFollowed(caller.accountId(), q, limit, offset).stream().map(mapper::toApi)
                    .toList());
            return;
        }
        if (offset == 0 && p.bool("resolve", false)) {
            var resolved = resolver.resolveQuery(q);
            if (resolved.isPresent()) {
                ctx.json(List.of(mapper.toApi(resolved.get())));
                return;
            }
        }
        ctx.json(accounts.search(q, limit, offset).stream().map(mapper::toApi).toList());
    }

    /** Ids in paths are numbers; anything else is a record that does not exist. */
    public static long pathId(Context ctx) {
        Long id = parseId(ctx.pathParam("id"));
        if (id == null) {
            throw new NotFoundException("Record not found");
        }
        return id;
    }

    static Long parseId(String raw) {
        try {
            return raw == null ? null : Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
