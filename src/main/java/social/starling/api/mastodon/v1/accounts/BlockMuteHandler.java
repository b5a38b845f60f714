package social.starling.api.mastodon.v1.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.RelationshipApiMapper;
import social.starling.service.follow.BlockService;
import social.starling.service.follow.MuteService;
import social.starling.service.follow.RelationshipService;

/**
 * {@code POST /api/v1/accounts/:id/block}, {@code /unblock} (write:blocks), {@code /mute} (with
 * {@code notifications}, default true, and {@code duration} in seconds, 0 meaning forever) and {@code /unmute}
 * (write:mutes). Each answers the Relationship afterwards.
 */
public final class BlockMuteHandler {
    private final ApiAuth auth;
    private final BlockService blocks;
    private final MuteService mutes;
    private final RelationshipService relationships;
    private final RelationshipApiMapper mapper;
    private final ObjectMapper json;

    public BlockMuteHandler(ApiAuth auth, BlockService blocks, MuteService mutes, RelationshipService relationships,
                            RelationshipApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.blocks = blocks;
        this.mutes = mutes;
        this.relationships = relationships;
        this.mapper = mapper;
        this.json = json;
    }

    public void block(Context ctx) {
        var caller = auth.user(ctx, "write:blocks");
        long target = AccountsHandler.pathId(ctx);
        blocks.block(caller.accountId(), target);
        ctx.json(mapper.toApi(relationships.of(caller.accountId(), target)));
    }

    public void unblock(Context ctx) {
        var caller = auth.user(ctx, "write:blocks");
        long target = AccountsHandler.pathId(ctx);
        blocks.unblock(caller.accountId(), target);
        ctx.json(mapper.toApi(relationships.of(caller.accountId(), target)));
    }

    public void mute(Context ctx) {
        var caller = auth.user(ctx, "write:mutes");
        long target = AccountsHandler.pathId(ctx);
        Params p = Params.of(ctx, json);
        mutes.mute(caller.accountId(), target, p.bool("notifications", true), p.longValue("duration").orElse(null));
        ctx.json(mapper.toApi(relationships.of(caller.accountId(), target)));
    }

    public void unmute(Context ctx) {
        var caller = auth.user(ctx, "write:mutes");
        long target = AccountsHandler.pathId(ctx);
        mutes.unmute(caller.accountId(), target);
        ctx.json(mapper.toApi(relationships.of(caller.accountId(), target)));
    }
}
