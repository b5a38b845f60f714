package social.starling.api.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import social.starling.api.Params;
import social.starling.errors.OAuthException;
import social.starling.service.oauth.TokenService;

/**
 * {@code POST /oauth/token}: the authorization_code, client_credentials and password grants. Client credentials
 * come in the body or as HTTP Basic auth (client_secret_basic). Answers Mastodon's Token entity.
 */
public final class TokenHandler implements Handler {
    private final TokenService tokens;
    private final ObjectMapper json;

    public TokenHandler(TokenService tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) {
        Params p = Params.of(ctx, json);
        String[] client = clientCredentials(ctx, p);
        String grant = p.string("grant_type").orElse("");
        TokenService.IssuedToken issued = switch (grant) {
            case "authorization_code" -> tokens.exchangeCode(client[0], client[1], p.string("code").orElse(null),
                    p.string("redirect_uri").orElse(null), p.string("code_verifier").orElse(null));
            case "client_credentials" -> tokens.clientCredentials(client[0], client[1], p.string("scope").orElse(null));
            case "password" -> tokens.password(client[0], client[1], p.string("username").orElse(null),
                    p.string("password").orElse(null), p.string("scope").orElse(null), ctx.ip());
            case "" -> throw OAuthException.invalidRequest("Missing required parameter: grant_type.");
            default -> throw OAuthException.unsupportedGrantType();
        };
        ctx.header("Cache-Control", "no-store").json(render(issued));
    }

    static Map<String, Object> render(TokenService.IssuedToken issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("token_type", "Bearer");
        body.put("scope", String.join(" ", issued.token().scopes()));
        body.put("created_at", issued.token().createdAt().getEpochSecond());
        return body;
    }

    /** client_id and client_secret from the body, or from {@code Authorization: Basic}. */
    static String[] clientCredentials(Context ctx, Params p) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return new String[] {
                        java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
                }
            } catch (IllegalArgumentException e) {
                throw OAuthException.invalidClient();
            }
        }
        return new String[] {p.string("client_id").orElse(null), p.string("client_secret").orElse(null)};
    }
}
