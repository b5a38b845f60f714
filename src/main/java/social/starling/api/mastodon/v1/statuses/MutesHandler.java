package social.starling.api.mastodon.v1.statuses;

import io.javalin.http.Context;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.StatusApiMapper;
import social.starling.service.interaction.ConversationMuteService;

/** {@code POST /api/v1/statuses/:id/mute} and {@code /unmute}: mute a thread (Mastodon's Statuses::MutesController). */
public final class MutesHandler {
    private final ApiAuth auth;
    private final ConversationMuteService service;
    private final StatusApiMapper mapper;

    public MutesHandler(ApiAuth auth, ConversationMuteService service, StatusApiMapper mapper) {
        this.auth = auth;
        this.service = service;
        this.mapper = mapper;
    }

    public void mute(Context ctx) {
        var caller = auth.user(ctx, "write:mutes");
        ctx.json(mapper.toApi(service.mute(caller.accountId(), AccountsHandler.pathId(ctx))));
    }

    public void unmute(Context ctx) {
        var caller = auth.user(ctx, "write:mutes");
        ctx.json(mapper.toApi(service.unmute(caller.accountId(), AccountsHandler.pathId(ctx))));
    }
}
