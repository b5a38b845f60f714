package social.starling.api.oauth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import social.starling.model.oauth.Scopes;

/** {@code GET /.well-known/oauth-authorization-server}: RFC 8414 metadata, as Mastodon 4.3+ serves it. */
public final class ServerMetadataHandler implements Handler {
    private final Map<String, Object> metadata;

    public ServerMetadataHandler(String baseUrl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", baseUrl + "/");
        m.put("service_documentation", "https://docs.joinmastodon.org/");
        m.put("authorization_endpoint", baseUrl + "/oauth/authorize");
        m.put("token_endpoint", baseUrl + "/oauth/token");
        m.put("revocation_endpoint", baseUrl + "/oauth/revoke");
        m.put("userinfo_endpoint", baseUrl + "/oauth/userinfo");
        m.put("app_registration_endpoint", baseUrl + "/api/v1/apps");
        m.put("scopes_supported", Scopes.ALL);
        m.put("response_types_supported", List.of("code"));
        m.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        m.put("code_challenge_methods_supported", List.of("S256"));
        m.put("grant_types_supported", List.of("authorization_code", "password", "client_credentials"));
        m.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        this.metadata = Map.copyOf(m);
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600").json(metadata);
    }
}
