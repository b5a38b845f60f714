package social.starling.api.web.client;

import io.javalin.http.Context;
import java.util.List;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.convert.StatusApiMapper;
import social.starling.convert.entity.StatusEntity;
import social.starling.convert.entity.TagEntity;
import social.starling.model.Account;
import social.starling.service.account.AccountQueryService;
import social.starling.service.account.ResolveAccountService;
import social.starling.service.discovery.DiscoveryService;
import social.starling.service.security.SessionService.WebUser;
import social.starling.service.status.ResolveStatusService;

/**
 * {@code /web/search?q=}: accounts, hashtags and statuses as {@code GET /api/v2/search?resolve=true} finds them for
 * this member, through the same services: a post's URL is resolved to that post ({@link ResolveStatusService}, alone,
 * as Mastodon answers it), a handle or actor URL to that account ({@link ResolveAccountService}, which fetches
 * through the SSRF guard), anything else searches local accounts and hashtags by prefix.
 */
public final class WebSearchRoutes implements Routes {
    static final int LIMIT = 20;

    private final ClientArea area;
    private final WebPeopleRoutes people;
    private final AccountQueryService accounts;
    private final ResolveAccountService resolver;
    private final ResolveStatusService statusResolver;
    private final DiscoveryService discovery;
    private final StatusApiMapper statusApi;
    private final String baseUrl;

    public WebSearchRoutes(ClientArea area, WebPeopleRoutes people, AccountQueryService accounts,
                           ResolveAccountService resolver, ResolveStatusService statusResolver,
                           DiscoveryService discovery, StatusApiMapper statusApi, String baseUrl) {
        this.area = area;
        this.people = people;
        this.accounts = accounts;
        this.resolver = resolver;
        this.statusResolver = statusResolver;
        this.discovery = discovery;
        this.statusApi = statusApi;
        this.baseUrl = baseUrl;
    }

    @Override
    public void register(RouteTable table) {
        table.web().get("/web/search", area.page(this::search));
    }

    private void search(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        long me = member.account().id();
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        var nav = area.nav(ctx, ClientNav.Section.SEARCH, member);
        String path = WebPeopleRoutes.pathWithQuery(ctx);
        if (q.isEmpty()) {
            area.render(ctx, "search.jte", "Search", new SearchPage(nav, q, path, List.of(), List.of(), List.of()));
            return;
        }
        List<StatusEntity> statuses = statusResolver.resolveQuery(q, me).map(statusApi::toApi).stream().toList();
        if (!statuses.isEmpty()) {
            area.render(ctx, "search.jte", "Search", new SearchPage(nav, q, path, List.of(), List.of(), statuses));
            return;
        }
        List<Account> found = resolver.resolveQuery(q).map(List::of).orElseGet(() -> accounts.search(q, LIMIT, 0));
        List<TagEntity> tags = discovery.tags(q, me, LIMIT, 0).stream()
                .map(t -> new TagEntity(Long.toString(t.id()), t.name(), baseUrl + "/tags/" + t.name(), List.of(),
                        t.following(), null))
                .toList();
        area.render(ctx, "search.jte", "Search", new SearchPage(nav, q, path, people.rows(me, found), tags,
                List.of()));
    }
}
