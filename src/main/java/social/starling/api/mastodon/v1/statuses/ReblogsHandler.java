package social.starling.api.mastodon.v1.statuses;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.StatusApiMapper;
import social.starling.service.interaction.ReblogService;

/**
 * {@code POST /api/v1/statuses/:id/reblog} (optional {@code visibility}), answering the new reblog with the
 * original inside, and {@code POST /api/v1/statuses/:id/unreblog}, answering the original (Mastodon's
 * Statuses::ReblogsController).
 */
public final class ReblogsHandler {
    private final ApiAuth auth;
    private final ReblogService service;
    private final StatusApiMapper mapper;
    private final ObjectMapper json;

    public ReblogsHandler(ApiAuth auth, ReblogService service, StatusApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.service = service;
        this.mapper = mapper;
        this.json = json;
    }

    public void reblog(Context ctx) {
        var caller = auth.user(ctx, "write:statuses");
        long id = AccountsHandler.pathId(ctx);
        String visibility = Params.of(ctx, json).string("visibility").orElse(null);
        ctx.json(mapper.toApi(service.reblog(caller.accountId(), id, visibility)));
    }

    public void unreblog(Context ctx) {
        var caller = auth.user(ctx, "write:statuses");
        ctx.json(mapper.toApi(service.unreblog(caller.accountId(), AccountsHandler.pathId(ctx))));
    }
}
