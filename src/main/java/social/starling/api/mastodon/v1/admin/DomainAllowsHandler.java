package social.starling.api.mastodon.v1.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import social.starling.api.Paging;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.DomainBlockApiMapper;
import social.starling.model.DomainAllow;
import social.starling.model.Permission;
import social.starling.service.moderation.DomainModerationService;

/**
 * {@code /api/v1/admin/domain_allows} (Mastodon's Api::V1::Admin::DomainAllowsController): the allow list of limited
 * federation. List (Link paging, 100 by default, up to 200), show, create, destroy; Manage Federation.
 */
public final class DomainAllowsHandler {
    private static final String[] READ = {"admin:read", "admin:read:domain_allows"};
    private static final String[] WRITE = {"admin:write", "admin:write:domain_allows"};

    private final ApiAuth auth;
    private final DomainModerationService domains;
    private final DomainBlockApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public DomainAllowsHandler(ApiAuth auth, DomainModerationService domains, DomainBlockApiMapper mapper,
                               ObjectMapper json, String baseUrl) {
        this.auth = auth;
        this.domains = domains;
        this.mapper = mapper;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        auth.staff(ctx, Permission.MANAGE_FEDERATION, READ);
        var page = Paging.page(ctx, 100, 200);
        List<DomainAllow> allows = domains.allows(page);
        Paging.link(ctx, baseUrl, allows.stream().map(DomainAllow::id).toList(), page);
        ctx.json(allows.stream().map(mapper::toAdmin).toList());
    }

    public void show(Context ctx) {
        auth.staff(ctx, Permission.MANAGE_FEDERATION, READ);
        ctx.json(mapper.toAdmin(domains.allow(DomainBlocksHandler.id(ctx))));
    }

    public void create(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_FEDERATION, WRITE);
        Params p = Params.of(ctx, json);
        ctx.json(mapper.toAdmin(domains.createAllow(caller.accountId(), p.string("domain").orElse(null))));
    }

    public void destroy(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_FEDERATION, WRITE);
        domains.removeAllow(caller.accountId(), DomainBlocksHandler.id(ctx));
        ctx.json(Map.of());
    }
}
