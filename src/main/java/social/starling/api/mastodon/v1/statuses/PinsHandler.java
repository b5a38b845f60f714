package social.starling.api.mastodon.v1.statuses;

import io.javalin.http.Context;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.StatusApiMapper;
import social.starling.service.interaction.PinService;

/** {@code POST /api/v1/statuses/:id/pin} and {@code /unpin} (Mastodon's Statuses::PinsController). */
public final class PinsHandler {
    private final ApiAuth auth;
    private final PinService service;
    private final StatusApiMapper mapper;

    public PinsHandler(ApiAuth auth, PinService service, StatusApiMapper mapper) {
        this.auth = auth;
        this.service = service;
        this.mapper = mapper;
    }

    public void pin(Context ctx) {
        var caller = auth.user(ctx, "write:accounts");
        ctx.json(mapper.toApi(service.pin(caller.accountId(), AccountsHandler.pathId(ctx))));
    }

    public void unpin(Context ctx) {
        var caller = auth.user(ctx, "write:accounts");
        ctx.json(mapper.toApi(service.unpin(caller.accountId(), AccountsHandler.pathId(ctx))));
    }
}
