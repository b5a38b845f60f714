package social.starling.api.mastodon.v2.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AccountApiMapper;
import social.starling.convert.StatusApiMapper;
import social.starling.convert.entity.AccountEntity;
import social.starling.convert.entity.SearchEntity;
import social.starling.convert.entity.StatusEntity;
import social.starling.convert.entity.TagEntity;
import social.starling.errors.UnauthorizedException;
import social.starling.model.Account;
import social.starling.service.account.AccountQueryService;
import social.starling.service.account.ResolveAccountService;
import social.starling.service.discovery.DiscoveryService;
import social.starling.service.oauth.Caller;
import social.starling.service.status.ResolveStatusService;

/**
 * {@code GET /api/v2/search?q=&type=&limit=&offset=}: a minimal but honest search — local accounts by username
 * prefix (or an exact {@code user@domain} this server knows) and hashtags by prefix; no full-text status search
 * yet. As Mastodon, visitors may not page ({@code offset}) or ask to resolve.
 * With {@code resolve=true} (Rails' boolean: {@code True} too) a query naming one account ({@code @user@host},
 * {@code user@host}, {@code acct:user@host} or an actor URL) is resolved remotely when unknown or stale
 * ({@link ResolveAccountService}); if that finds nothing, the ordinary search answers. A query that is a status's
 * URL answers that status in {@code statuses} ({@link ResolveStatusService}: local, stored, or — with
 * {@code resolve} — fetched), when the viewer may see it.
 */
public final class SearchHandler {
    private final ApiAuth auth;
    private final AccountQueryService accounts;
    private final ResolveAccountService resolver;
    private final ResolveStatusService statusResolver;
    private final DiscoveryService discovery;
    private final AccountApiMapper accountApi;
    private final StatusApiMapper statusApi;
    private final ObjectMapper json;
    private final String baseUrl;

    public SearchHandler(ApiAuth auth, AccountQueryService accounts, ResolveAccountService resolver,
                         ResolveStatusService statusResolver, DiscoveryService discovery,
                         AccountApiMapper accountApi, StatusApiMapper statusApi, ObjectMapper json, String baseUrl) {
        this.auth = auth;
        this.accounts = accounts;
        this.resolver = resolver;
        this.statusResolver = statusResolver;
        this.discovery = discovery;
        this.accountApi = accountApi;
        this.statusApi = statusApi;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void handle(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(Caller::accountId).orElse(null);
        Params p = Params.of(ctx, json);
        String q = p.require("q");
        if (viewer == null && p.string("offset").filter(s -> !s.isBlank()).isPresent()) {
            throw new UnauthorizedException("Search queries pagination is not supported without authentication");
        }
        if (viewer == null && p.bool("resolve", false)) {
            throw new UnauthorizedException(
                    "Search queries that resolve remote resources are not supported without authentication");
        }
        String type = p.string("type").orElse("");
        int limit = Math.max(1, Math.min(40, p.intValue("limit").orElse(20)));
        int offset = Math.max(0, p.intValue("offset").orElse(0));
        boolean resolve = viewer != null && offset == 0 && p.bool("resolve", false);
        List<StatusEntity> statuses = resolve && (type.isEmpty() || type.equals("statuses"))
                ? statusResolver.resolveQuery(q, viewer).map(statusApi::toApi).stream().toList() : List.of();
        if (!statuses.isEmpty()) {
            // Mastodon's search answers the one resource a resolved URL names, nothing else.
            ctx.json(new SearchEntity(List.of(), statuses, List.of(), List.of()));
            return;
        }
        List<AccountEntity> found = type.isEmpty() || type.equals("accounts")
                ? findAccounts(q, resolve, limit, offset).stream().map(accountApi::toApi).toList() : List.of();
        List<TagEntity> tags = type.isEmpty() || type.equals("hashtags")
                ? discovery.tags(q, viewer, limit, offset).stream()
                .map(t -> new TagEntity(Long.toString(t.id()), t.name(), baseUrl + "/tags/" + t.name(), List.of(),
                        t.following(), null))
                .toList() : List.of();
        ctx.json(new SearchEntity(found, List.of(), tags, List.of()));
    }

    private List<Account> findAccounts(String q, boolean resolve, int limit, int offset) {
        if (resolve) {
            var resolved = resolver.resolveQuery(q);
            if (resolved.isPresent()) {
                return List.of(resolved.get());
            }
        }
        return accounts.search(q, limit, offset);
    }
}
