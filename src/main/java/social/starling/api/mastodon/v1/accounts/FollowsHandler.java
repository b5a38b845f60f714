package social.starling.api.mastodon.v1.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.RelationshipApiMapper;
import social.starling.service.follow.FollowService;
import social.starling.service.follow.RelationshipService;

/**
 * {@code POST /api/v1/accounts/:id/follow} (with {@code reblogs}, {@code notify}, {@code languages[]}),
 * {@code POST /api/v1/accounts/:id/unfollow} and {@code GET /api/v1/accounts/relationships?id[]=}.
 */
public final class FollowsHandler {
    private final ApiAuth auth;
    private final FollowService follows;
    private final RelationshipService relationships;
    private final RelationshipApiMapper mapper;
    private final ObjectMapper json;

    public FollowsHandler(ApiAuth auth, FollowService follows, RelationshipService relationships,
                          RelationshipApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.follows = follows;
        this.relationships = relationships;
        this.mapper = mapper;
        this.json = json;
    }

    public void follow(Context ctx) {
        var caller = auth.user(ctx, "write:follows", "follow");
        long target = AccountsHandler.pathId(ctx);
        Params p = Params.of(ctx, json);
        List<String> languages = p.has("languages") ? p.strings("languages") : null;
        follows.follow(caller.accountId(), target, new FollowService.Options(p.bool("reblogs").orElse(null),
                p.bool("notify").orElse(null), languages));
        ctx.json(mapper.toApi(relationships.of(caller.accountId(), target)));
    }

    public void unfollow(Context ctx) {
        var caller = auth.user(ctx, "write:follows", "follow");
        long target = AccountsHandler.pathId(ctx);
        follows.unfollow(caller.accountId(), target);
        ctx.json(mapper.toApi(relationships.of(caller.accountId(), target)));
    }

    public void relationships(Context ctx) {
        var caller = auth.user(ctx, "read:follows", "follow");
        List<Long> ids = Params.of(ctx, json).strings("id").stream().limit(100)
                .map(s -> {
                    try {
                        return Long.parseLong(s.trim());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }).filter(id -> id != null).toList();
        ctx.json(mapper.toApi(relationships.of(caller.accountId(), ids)));
    }
}
