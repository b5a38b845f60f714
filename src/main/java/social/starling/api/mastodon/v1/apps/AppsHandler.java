package social.starling.api.mastodon.v1.apps;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.ApplicationApiMapper;
import social.starling.errors.NotFoundException;
import social.starling.service.oauth.RegisterApplicationService;
import social.starling.service.oauth.TokenService;

/** {@code POST /api/v1/apps} (register a client) and {@code GET /api/v1/apps/verify_credentials}. */
public final class AppsHandler {
    private final RegisterApplicationService register;
    private final TokenService tokens;
    private final ApiAuth auth;
    private final ApplicationApiMapper mapper;
    private final ObjectMapper json;

    public AppsHandler(RegisterApplicationService register, TokenService tokens, ApiAuth auth,
                       ApplicationApiMapper mapper, ObjectMapper json) {
        this.register = register;
        this.tokens = tokens;
        this.auth = auth;
        this.mapper = mapper;
        this.json = json;
    }

    public void create(Context ctx) {
        Params p = Params.of(ctx, json);
        // redirect_uris: a string (several separated by whitespace or newlines) or an array.
        List<String> uris = p.node().has("redirect_uris") && p.node().get("redirect_uris").isArray()
                ? p.strings("redirect_uris")
                : p.string("redirect_uris").map(s -> Arrays.asList(s.split("\\s+"))).orElse(List.of());
        var app = register.register(new RegisterApplicationService.Request(p.string("client_name").orElse(null),
                uris, p.string("scopes").orElse(null), p.string("website").orElse(null), null));
        ctx.json(mapper.toApi(app).withCredentials(app.clientId(), app.clientSecret()));
    }

    public void verifyCredentials(Context ctx) {
        var caller = auth.app(ctx);
        Long appId = caller.token().applicationId();
        var app = appId == null ? null : tokens.findApplication(appId).orElse(null);
        if (app == null) {
            throw new NotFoundException("Record not found");
        }
        ctx.json(mapper.toApi(app));
    }
}
