package social.starling.api.mastodon.v1.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.RelationshipApiMapper;
import social.starling.service.follow.AccountNoteService;
import social.starling.service.follow.EndorseService;
import social.starling.service.follow.FollowService;
import social.starling.service.follow.RelationshipService;

/**
 * Actions on another account that answer the Relationship afterwards: {@code POST /api/v1/accounts/:id/note}
 * ({@code comment}; write:accounts), {@code /endorse} and {@code /unendorse} with their older names {@code /pin}
 * and {@code /unpin} (write:accounts), and {@code /remove_from_followers} (write:follows).
 */
public final class RelationshipActionsHandler {
    private final ApiAuth auth;
    private final AccountNoteService notes;
    private final EndorseService endorsements;
    private final FollowService follows;
    private final RelationshipService relationships;
    private final RelationshipApiMapper mapper;
    private final ObjectMapper json;

    public RelationshipActionsHandler(ApiAuth auth, AccountNoteService notes, EndorseService endorsements,
                                      FollowService follows, RelationshipService relationships,
                                      RelationshipApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.notes = notes;
        this.endorsements = endorsements;
        this.follows = follows;
        this.relationships = relationships;
        this.mapper = mapper;
        this.json = json;
    }

    public void note(Context ctx) {
        var caller = auth.user(ctx, "write:accounts");
        long target = AccountsHandler.pathId(ctx);
        notes.set(caller.accountId(), target, Params.of(ctx, json).string("comment").orElse(""));
        ctx.json(mapper.toApi(relationships.of(caller.accountId(), target)));
    }

    public void endorse(Context ctx) {
        var caller = auth.user(ctx, "write:accounts");
        long target = AccountsHandler.pathId(ctx);
        endorsements.endorse(caller.accountId(), target);
        ctx.json(mapper.toApi(relationships.of(caller.accountId(), target)));
    }

    public void unendorse(Context ctx) {
        var caller = auth.user(ctx, "write:accounts");
        long target = AccountsHandler.pathId(ctx);
        endorsements.unendorse(caller.accountId(), target);
        ctx.json(mapper.toApi(relationships.of(caller.accountId(), target)));
    }

    public void removeFromFollowers(Context ctx) {
        var caller = auth.user(ctx, "write:follows", "follow");
        long target = AccountsHandler.pathId(ctx);
        follows.removeFromFollowers(caller.accountId(), target);
        ctx.json(mapper.toApi(relationships.of(caller.accountId(), target)));
    }
}
