package social.starling.api.mastodon.v1.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.SignupBlockApiMapper;
import social.starling.model.CanonicalEmailBlock;
import social.starling.model.Page;
import social.starling.model.Permission;
import social.starling.service.moderation.SignupBlockService;

/**
 * {@code /api/v1/admin/canonical_email_blocks}: list (100, up to 200, Link paging), show, {@code POST /test}
 * ({@code email}: the blocks it matches), create ({@code email}, else {@code canonical_email_hash}), delete
 * (answers {@code {}}). Manage Blocks.
 */
public final class CanonicalEmailBlocksHandler {
    private static final String[] READ = {"admin:read", "admin:read:canonical_email_blocks"};
    private static final String[] WRITE = {"admin:write", "admin:write:canonical_email_blocks"};

    private final ApiAuth auth;
    private final SignupBlockService blocks;
    private final SignupBlockApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public CanonicalEmailBlocksHandler(ApiAuth auth, SignupBlockService blocks, SignupBlockApiMapper mapper,
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
        var list = blocks.canonicals(page);
        Paging.link(ctx, baseUrl, list.stream().map(CanonicalEmailBlock::id).toList(), page);
        ctx.json(list.stream().map(mapper::toApi).toList());
    }

    public void show(Context ctx) {
        auth.staff(ctx, Permission.MANAGE_BLOCKS, READ);
        ctx.json(mapper.toApi(blocks.canonical(AdminIds.id(ctx))));
    }

    /** Mastodon answers a 500 without {@code email}; a missing parameter is a 400 here. */
    public void test(Context ctx) {
        auth.staff(ctx, Permission.MANAGE_BLOCKS, READ);
        String email = Params.of(ctx, json).require("email");
        ctx.json(blocks.test(email).stream().map(mapper::toApi).toList());
    }

    public void create(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_BLOCKS, WRITE);
        Params p = Params.of(ctx, json);
        ctx.json(mapper.toApi(blocks.blockCanonical(caller.accountId(), p.string("email").orElse(null),
                p.string("canonical_email_hash").orElse(null))));
    }

    public void destroy(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_BLOCKS, WRITE);
        blocks.unblockCanonical(caller.accountId(), AdminIds.id(ctx));
        ctx.json(Map.of());
    }
}
