package social.starling.api.mastodon.v1.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.SignupBlockApiMapper;
import social.starling.convert.entity.AdminEmailDomainBlockEntity;
import social.starling.model.EmailDomainBlock;
import social.starling.model.Page;
import social.starling.model.Permission;
import social.starling.service.moderation.SignupBlockService;

/**
 * {@code /api/v1/admin/email_domain_blocks}: list (100, up to 200, Link paging), show, create ({@code domain}),
 * delete (answers {@code {}}). Manage Blocks; admin:read:email_domain_blocks / admin:write:email_domain_blocks.
 */
public final class EmailDomainBlocksHandler {
    private static final String[] READ = {"admin:read", "admin:read:email_domain_blocks"};
    private static final String[] WRITE = {"admin:write", "admin:write:email_domain_blocks"};

    private final ApiAuth auth;
    private final SignupBlockService blocks;
    private final SignupBlockApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public EmailDomainBlocksHandler(ApiAuth auth, SignupBlockService blocks, SignupBlockApiMapper mapper,
                                    ObjectMapper json, String baseUrl) {
        this.auth = auth;
        this.blocks = blocks;
        this.mapper = mapper;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        auth.staff(ctx, Permission.MANAGE_BLOCKS, READ);
        Page page = Paging.page(ctx, 100, 200);
        var list = blocks.emailDomains(page);
        Paging.link(ctx, baseUrl, list.stream().map(EmailDomainBlock::id).toList(), page);
        ctx.json(list.stream().map(this::render).toList());
    }

    public void show(Context ctx) {
        auth.staff(ctx, Permission.MANAGE_BLOCKS, READ);
        ctx.json(render(blocks.emailDomain(AdminIds.id(ctx))));
    }

    public void create(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_BLOCKS, WRITE);
        String domain = Params.of(ctx, json).string("domain").orElse(null);
        ctx.json(render(blocks.blockEmailDomain(caller.accountId(), domain)));
    }

    public void destroy(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_BLOCKS, WRITE);
        blocks.unblockEmailDomain(caller.accountId(), AdminIds.id(ctx));
        ctx.json(Map.of());
    }

    private AdminEmailDomainBlockEntity render(EmailDomainBlock block) {
        return mapper.toApi(block, blocks.history(block).stream()
                .map(d -> new SignupBlockApiMapper.Day(d.day(), d.accounts(), d.uses())).toList());
    }
}
