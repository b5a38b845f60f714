package social.starling.api.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import social.starling.api.Params;
import social.starling.service.oauth.TokenService;

/** {@code POST /oauth/revoke}: the app revokes one of its tokens; answers {@code {}}. */
public final class RevokeHandler implements Handler {
    private final TokenService tokens;
    private final ObjectMapper json;

    public RevokeHandler(TokenService tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) {
        Params p = Params.of(ctx, json);
        String[] client = TokenHandler.clientCredentials(ctx, p);
        tokens.revoke(client[0], client[1], p.string("token").orElse(null));
        ctx.json(Map.of());
    }
}
