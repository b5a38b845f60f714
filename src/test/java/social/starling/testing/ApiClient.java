package social.starling.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A client app as tests use one: registers itself, gets tokens through {@code POST /oauth/token} like a real app
 * (password grant, client credentials), and hands out an {@link HttpTester} carrying the token.
 */
public final class ApiClient {
    public final String clientId;
    public final String clientSecret;
    private final HttpTester http;

    private ApiClient(HttpTester http, String clientId, String clientSecret) {
        this.http = http;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public static ApiClient register(HttpTester http, String scopes) {
        HttpResult r = http.postJson("/api/v1/apps", """
                {"client_name": "Test client", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "%s",
                 "website": "https://client.example"}""".formatted(scopes));
        if (r.status() != 200) {
            throw new AssertionError("app registration failed: " + r);
        }
        JsonNode app = r.json();
        return new ApiClient(http, app.get("client_id").asText(), app.get("client_secret").asText());
    }

    /** Logs in with the password grant and returns the access token. */
    public String login(String username, String password, String scope) {
        HttpResult r = http.postForm("/oauth/token", HttpTester.form("grant_type", "password", "client_id", clientId,
                "client_secret", clientSecret, "username", username, "password", password, "scope", scope));
        if (r.status() != 200) {
            throw new AssertionError("password grant failed: " + r);
        }
        return r.json().get("access_token").asText();
    }

    public String appToken(String scope) {
        HttpResult r = http.postForm("/oauth/token", HttpTester.form("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", clientSecret, "scope", scope));
        if (r.status() != 200) {
            throw new AssertionError("client_credentials failed: " + r);
        }
        return r.json().get("access_token").asText();
    }

    public HttpTester as(String username, String scope) {
        return http.withToken(login(username, Fixtures.PASSWORD, scope));
    }

    public Map<String, String> credentials() {
        return Map.of("client_id", clientId, "client_secret", clientSecret);
    }
}
