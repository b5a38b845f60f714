package social.starling.api.mastodon.v1.domain_blocks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.model.Page;
import social.starling.service.follow.AccountDomainBlockService;

/**
 * {@code GET /api/v1/domain_blocks} (read:blocks): the caller's blocked domains as strings, 100 by default and up to
 * 200, paged by the block's id; {@code POST} and {@code DELETE} with {@code domain} (write:blocks) answer
 * {@code {}}. A missing, blank or malformed domain is a 422.
 */
public final class DomainBlocksHandler {
    private final ApiAuth auth;
    private final AccountDomainBlockService domainBlocks;
    private final ObjectMapper json;
    private final String baseUrl;

    public DomainBlocksHandler(ApiAuth auth, AccountDomainBlockService domainBlocks, ObjectMapper json, String baseUrl) {
        this.auth = auth;
        this.domainBlocks = domainBlocks;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:blocks");
        Page page = Paging.page(ctx, 100, 200);
        var blocks = domainBlocks.page(caller.accountId(), page);
        Paging.link(ctx, baseUrl, blocks.stream().map(AccountDomainBlockService.Blocked::id).toList(), page);
        ctx.json(blocks.stream().map(AccountDomainBlockService.Blocked::domain).toList());
    }

    public void create(Context ctx) {
        var caller = auth.user(ctx, "write:blocks");
        domainBlocks.block(caller.accountId(), Params.of(ctx, json).string("domain").orElse(null));
        ctx.json(Map.of());
    }

    public void destroy(Context ctx) {
        var caller = auth.user(ctx, "write:blocks");
        domainBlocks.unblock(caller.accountId(), Params.of(ctx, json).string("domain").orElse(null));
        ctx.json(Map.of());
    }
}
