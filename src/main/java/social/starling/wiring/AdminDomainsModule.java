package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.admin.DomainAllowsHandler;
import social.starling.api.mastodon.v1.admin.DomainBlocksHandler;
import social.starling.convert.DomainBlockApiMapper;

/**
 * Domain moderation on HTTP: the admin API of server-wide domain blocks and allows
 * ({@code /api/v1/admin/domain_blocks}, {@code /api/v1/admin/domain_allows}) and the public list
 * ({@code GET /api/v1/instance/domain_blocks}).
 */
public final class AdminDomainsModule implements Module {
    private final DomainBlocksHandler blocks;
    private final DomainAllowsHandler allows;
    private final social.starling.api.mastodon.v1.instance.DomainBlocksHandler publicList;

    public AdminDomainsModule(Core core, ModerationComponents moderation, Edges edges) {
        var mapper = new DomainBlockApiMapper();
        this.blocks = new DomainBlocksHandler(edges.auth(), moderation.domains(), mapper, edges.json(),
                core.baseUrl());
        this.allows = new DomainAllowsHandler(edges.auth(), moderation.domains(), mapper, edges.json(),
                core.baseUrl());
        this.publicList = new social.starling.api.mastodon.v1.instance.DomainBlocksHandler(edges.auth(),
                core.config().instance().showDomainBlocks(), moderation.domains(), mapper);
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi()
                .get("/api/v1/admin/domain_blocks", blocks::index)
                .post("/api/v1/admin/domain_blocks", blocks::create)
                .get("/api/v1/admin/domain_blocks/{id}", blocks::show)
                .update("/api/v1/admin/domain_blocks/{id}", blocks::update)
                .delete("/api/v1/admin/domain_blocks/{id}", blocks::destroy)
                .get("/api/v1/admin/domain_allows", allows::index)
                .post("/api/v1/admin/domain_allows", allows::create)
                .get("/api/v1/admin/domain_allows/{id}", allows::show)
                .delete("/api/v1/admin/domain_allows/{id}", allows::destroy)
                .get("/api/v1/instance/domain_blocks", publicList);
    }
}
