package social.starling.api.mastodon.v1.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import social.starling.api.Params;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.SignupBlockApiMapper;
import social.starling.model.IpBlock;
import social.starling.model.Page;
import social.starling.model.Permission;
import social.starling.service.moderation.SignupBlockService;

/**
 * {@code /api/v1/admin/ip_blocks}: list (100, up to 200, Link paging), show, create and update ({@code ip},
 * {@code severity}, {@code comment}, {@code expires_in} seconds; on update an absent parameter keeps its value and
 * a blank {@code expires_in} removes the expiry), delete (answers {@code {}}). Manage Blocks.
 */
public final class IpBlocksHandler {
    private static final String[] READ = {"admin:read", "admin:read:ip_blocks"};
    private static final String[] WRITE = {"admin:write", "admin:write:ip_blocks"};

    private final ApiAuth auth;
    private final SignupBlockService blocks;
    private final SignupBlockApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public IpBlocksHandler(ApiAuth auth, SignupBlockService blocks, SignupBlockApiMapper mapper, ObjectMapper json,
                           String baseUrl) {
        this.auth = auth;
        this.blocks = blocks;
        this.mapper = mapper;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        auth.staff(ctx, Permission.MANAGE_BLOCKS, READ);
        Page page = Paging.page(ctx, 100, 200);
        var list = blocks.ips(page);
        Paging.link(ctx, baseUrl, list.stream().map(IpBlock::id).toList(), page);
        ctx.json(list.stream().map(mapper::toApi).toList());
    }

    public void show(Context ctx) {
        auth.staff(ctx, Permission.MANAGE_BLOCKS, READ);
        ctx.json(mapper.toApi(blocks.ip(AdminIds.id(ctx))));
    }

    public void create(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_BLOCKS, WRITE);
        ctx.json(mapper.toApi(blocks.blockIp(caller.accountId(), change(Params.of(ctx, json)))));
    }

    public void update(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_BLOCKS, WRITE);
        long id = AdminIds.id(ctx);
        ctx.json(mapper.toApi(blocks.updateIp(caller.accountId(), id, change(Params.of(ctx, json)))));
    }

    public void destroy(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_BLOCKS, WRITE);
        blocks.unblockIp(caller.accountId(), AdminIds.id(ctx));
        ctx.json(Map.of());
    }

    private static SignupBlockService.IpBlockChange change(Params p) {
        Optional<Optional<Long>> expiresIn = p.node().has("expires_in")
                ? Optional.of(p.longValue("expires_in").filter(s -> s > 0)) : Optional.empty();
        return new SignupBlockService.IpBlockChange(p.string("ip"), p.string("severity"), p.string("comment"),
                expiresIn);
    }
}
