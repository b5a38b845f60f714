package social.starling.api.mastodon.v1.statuses;

import social.starling.api.JsonBody;
import io.javalin.http.Context;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.StatusApiMapper;
import social.starling.convert.entity.ContextEntity;
import social.starling.service.oauth.Caller;
import social.starling.service.status.StatusContextService;

/** {@code GET /api/v1/statuses/:id/context}: the thread around a status (public). */
public final class ContextHandler {
    private final ApiAuth auth;
    private final StatusContextService contexts;
    private final StatusApiMapper mapper;

    public ContextHandler(ApiAuth auth, StatusContextService contexts, StatusApiMapper mapper) {
        this.auth = auth;
        this.contexts = contexts;
        this.mapper = mapper;
    }

    public void handle(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(Caller::accountId).orElse(null);
        StatusContextService.Context c = contexts.context(AccountsHandler.pathId(ctx), viewer);
        JsonBody.write(ctx, new ContextEntity(mapper.toApi(c.ancestors()), mapper.toApi(c.descendants())));
    }
}
