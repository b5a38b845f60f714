package social.starling.api.mastodon.v1.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import social.starling.api.Paging;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.DomainBlockApiMapper;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.DomainBlock;
import social.starling.model.Permission;
import social.starling.service.moderation.DomainModerationService;
import social.starling.service.moderation.DomainModerationService.BlockChange;

/**
 * {@code /api/v1/admin/domain_blocks} (Mastodon's Api::V1::Admin::DomainBlocksController): list (Link paging, 100
 * by default, up to 200), show, create, update (PUT or PATCH) and destroy, for staff whose role grants Manage
 * Federation. A second block of the same domain, or a domain that is not one, is 422; an unknown severity too
 * (Mastodon answers 500 there).
 */
public final class DomainBlocksHandler {
    private static final String[] READ = {"admin:read", "admin:read:domain_blocks"};
    private static final String[] WRITE = {"admin:write", "admin:write:domain_blocks"};

    private final ApiAuth auth;
    private final DomainModerationService domains;
    private final DomainBlockApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public DomainBlocksHandler(ApiAuth auth, DomainModerationService domains, DomainBlockApiMapper mapper,
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
        List<DomainBlock> blocks = domains.blocks(page);
        Paging.link(ctx, baseUrl, blocks.stream().map(DomainBlock::id).toList(), page);
        ctx.json(blocks.stream().map(mapper::toAdmin).toList());
    }

    public void show(Context ctx) {
        auth.staff(ctx, Permission.MANAGE_FEDERATION, READ);
        ctx.json(mapper.toAdmin(domains.block(id(ctx))));
    }

    public void create(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_FEDERATION, WRITE);
        Params p = Params.of(ctx, json);
        ctx.json(mapper.toAdmin(domains.create(caller.accountId(), change(p, p.string("domain").orElse(null)))));
    }

    public void update(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_FEDERATION, WRITE);
        long id = id(ctx);
        Params p = Params.of(ctx, json);
        ctx.json(mapper.toAdmin(domains.update(caller.accountId(), id, change(p, null))));
    }

    public void destroy(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_FEDERATION, WRITE);
        domains.remove(caller.accountId(), id(ctx));
        ctx.json(Map.of());
    }

    private static BlockChange change(Params p, String domain) {
        DomainBlock.Severity severity = p.string("severity").filter(s -> !s.isBlank()).map(s -> {
            try {
                return DomainBlock.Severity.parse(s);
            } catch (IllegalArgumentException e) {
                throw new UnprocessableException("Validation failed: Severity is not included in the list");
            }
        }).orElse(null);
        return new BlockChange(domain, severity, p.bool("reject_media").orElse(null),
                p.bool("reject_reports").orElse(null), p.string("private_comment").orElse(null),
                p.string("public_comment").orElse(null), p.bool("obfuscate").orElse(null));
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Record not found");
        }
    }
}
