package social.starling.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.oauth.OAuthApplication;
import social.starling.support.Hashes;
import social.starling.testing.ApiClient;
import social.starling.testing.Fixtures;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** OAuth 2 as Mastodon clients use it, through real HTTP: apps, the three grants, scopes, revocation. */
class OAuthApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester http;

    @BeforeAll
    static void accounts() {
        http = server.http();
        server.fixtures().account("alice");
    }

    @Test
    void registeringAnAppAnswersACredentialApplication() {
        HttpResult r = http.postJson("/api/v1/apps", """
                {"client_name": "Tusky", "redirect_uris": ["tusky://oauth", "urn:ietf:wg:oauth:2.0:oob"],
                 "scopes": "read write follow push", "website": "https://tusky.app"}""");
        assertThat(r.status()).isEqualTo(200);
        Golden.assertMatches("credential_application.json", r.body()
                .replaceAll("\"client_(id|secret)\":\"[^\"]+\"", "\"client_$1\":\"<secret>\""));
        assertThat(r.json().get("client_id").asText()).hasSizeGreaterThan(20);
    }

    @Test
    void appsAcceptFormDataAndAStringOfRedirectUris() {
        HttpResult r = http.postForm("/api/v1/apps", HttpTester.form("client_name", "toot",
                "redirect_uris", "urn:ietf:wg:oauth:2.0:oob", "scopes", "read write"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("redirect_uris")).hasSize(1);
        assertThat(r.json().get("scopes").toString()).isEqualTo("[\"read\",\"write\"]");
    }

    @Test
    void badAppRegistrationsAre422AndCreateNothing() {
        assertThat(http.postJson("/api/v1/apps", "{\"redirect_uris\": \"urn:ietf:wg:oauth:2.0:oob\"}").json()
                .get("error").asText()).contains("Name can't be blank");
        HttpResult badUri = http.postJson("/api/v1/apps", "{\"client_name\": \"x\", \"redirect_uris\": \"not a uri\"}");
        assertThat(badUri.status()).isEqualTo(422);
        assertThat(badUri.json().get("error").asText()).contains("Redirect URI must be an absolute URI");
        HttpResult badScope = http.postJson("/api/v1/apps", """
                {"client_name": "x", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read everything"}""");
        assertThat(badScope.status()).isEqualTo(422);
    }

    @Test
    void clientCredentialsGiveAnAppToken() {
        ApiClient client = ApiClient.register(http, "read write");
        String token = client.appToken("read");
        HttpResult verify = http.withToken(token).get("/api/v1/apps/verify_credentials");
        assertThat(verify.status()).isEqualTo(200);
        Golden.assertMatches("application.json", verify.body());
        // An app token is no user: Mastodon answers 422 where a user is needed.
        HttpResult me = http.withToken(token).get("/api/v1/accounts/verify_credentials");
        assertThat(me.status()).isEqualTo(422);
        assertThat(me.json().get("error").asText()).isEqualTo("This method requires an authenticated user");
    }

    @Test
    void passwordGrantWithEmailOrUsername() {
        ApiClient client = ApiClient.register(http, "read write follow");
        HttpResult r = http.postForm("/oauth/token", HttpTester.form("grant_type", "password",
                "client_id", client.clientId, "client_secret", client.clientSecret,
                "username", "alice@example.test", "password", Fixtures.PASSWORD, "scope", "read write"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode token = r.json();
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("scope").asText()).isEqualTo("read write");
        assertThat(token.get("created_at").isIntegralNumber()).isTrue();
        assertThat(http.withToken(token.get("access_token").asText()).get("/api/v1/accounts/verify_credentials")
                .json().get("username").asText()).isEqualTo("alice");
        assertThat(client.login("alice", Fixtures.PASSWORD, "read")).isNotBlank();
    }

    @Test
    void wrongPasswordOrSecretIsRefusedTheOAuthWay() {
        ApiClient client = ApiClient.register(http, "read");
        HttpResult wrongPassword = http.postForm("/oauth/token", HttpTester.form("grant_type", "password",
                "client_id", client.clientId, "client_secret", client.clientSecret,
                "username", "alice@example.test", "password", "not the password"));
        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(wrongPassword.json().get("error_description").asText()).isNotBlank();

        HttpResult wrongSecret = http.postForm("/oauth/token", HttpTester.form("grant_type", "client_credentials",
                "client_id", client.clientId, "client_secret", "nope"));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("error").asText()).isEqualTo("invalid_client");

        HttpResult badScope = http.postForm("/oauth/token", HttpTester.form("grant_type", "client_credentials",
                "client_id", client.clientId, "client_secret", client.clientSecret, "scope", "write"));
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.json().get("error").asText()).isEqualTo("invalid_scope");

        HttpResult badGrant = http.postForm("/oauth/token", HttpTester.form("grant_type", "implicit",
                "client_id", client.clientId, "client_secret", client.clientSecret));
        assertThat(badGrant.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void clientSecretMayComeAsBasicAuth() {
        ApiClient client = ApiClient.register(http, "read");
        String basic = Base64.getEncoder().encodeToString((client.clientId + ":" + client.clientSecret).getBytes());
        HttpResult r = http.send("POST", "/oauth/token", java.util.Map.of("Authorization", "Basic " + basic,
                "Content-Type", "application/x-www-form-urlencoded"), "grant_type=client_credentials");
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void revokedTokensAnswer401() {
        ApiClient client = ApiClient.register(http, "read");
        String token = client.login("alice", Fixtures.PASSWORD, "read");
        HttpTester alice = http.withToken(token);
        assertThat(alice.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
        HttpResult revoke = http.postForm("/oauth/revoke", HttpTester.form("client_id", client.clientId,
                "client_secret", client.clientSecret, "token", token));
        assertThat(revoke.status()).isEqualTo(200);
        assertThat(revoke.body()).isEqualTo("{}");
        HttpResult after = alice.get("/api/v1/accounts/verify_credentials");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("error").asText()).isEqualTo("The access token is invalid");
        // Idempotent, as documented.
        assertThat(http.postForm("/oauth/revoke", HttpTester.form("client_id", client.clientId,
                "client_secret", client.clientSecret, "token", token)).status()).isEqualTo(200);
    }

    @Test
    void anotherAppCannotRevokeMyToken() {
        ApiClient mine = ApiClient.register(http, "read");
        ApiClient theirs = ApiClient.register(http, "read");
        String token = mine.login("alice", Fixtures.PASSWORD, "read");
        HttpResult r = http.postForm("/oauth/revoke", HttpTester.form("client_id", theirs.clientId,
                "client_secret", theirs.clientSecret, "token", token));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).isEqualTo("unauthorized_client");
        assertThat(http.withToken(token).get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
    }

    @Test
    void scopesAreEnforcedWithMastodonsMessages() {
        ApiClient client = ApiClient.register(http, "read write");
        HttpTester readOnly = http.withToken(client.login("alice", Fixtures.PASSWORD, "read"));
        HttpResult r = readOnly.patchJson("/api/v1/accounts/update_credentials", "{\"display_name\": \"x\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).isEqualTo("This action is outside the authorized scopes");
        HttpTester granular = http.withToken(client.login("alice", Fixtures.PASSWORD, "read:accounts"));
        assertThat(granular.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
        HttpTester profile = http.withToken(ApiClient.register(http, "profile")
                .login("alice", Fixtures.PASSWORD, "profile"));
        assertThat(profile.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
        assertThat(profile.get("/api/v1/preferences").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
        assertThat(http.withToken("garbage").get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
    }

    @Test
    void authorizationCodeWithPkceAndTheTokenEndpoint() {
        var app = server.app();
        ApiClient client = ApiClient.register(http, "read write");
        OAuthApplication registered = app.accounts().tokens().findApplication(client.clientId).orElseThrow();
        long alice = server.fixtures().account("alice").id();
        String verifier = "a-verifier-that-is-long-enough-to-be-valid-0123456789";
        String code = app.accounts().tokens().createCode(registered, alice, OAuthApplication.OOB, Set.of("read"),
                Hashes.sha256Base64Url(verifier), "S256");

        HttpResult wrongVerifier = http.postForm("/oauth/token", HttpTester.form("grant_type", "authorization_code",
                "client_id", client.clientId, "code", code, "redirect_uri", OAuthApplication.OOB,
                "code_verifier", "b-verifier-that-is-long-enough-to-be-valid-0123456789"));
        assertThat(wrongVerifier.status()).isEqualTo(400);
        assertThat(wrongVerifier.json().get("error").asText()).isEqualTo("invalid_grant");

        // A public client: no secret, the verifier authenticates it.
        HttpResult ok = http.postForm("/oauth/token", HttpTester.form("grant_type", "authorization_code",
                "client_id", client.clientId, "code", code, "redirect_uri", OAuthApplication.OOB,
                "code_verifier", verifier));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        String token = ok.json().get("access_token").asText();
        assertThat(ok.json().get("scope").asText()).isEqualTo("read");
        assertThat(http.withToken(token).get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);

        // The same code again: refused, and the token it gave is revoked.
        HttpResult replay = http.postForm("/oauth/token", HttpTester.form("grant_type", "authorization_code",
                "client_id", client.clientId, "client_secret", client.clientSecret, "code", code,
                "redirect_uri", OAuthApplication.OOB, "code_verifier", verifier));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(http.withToken(token).get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
    }

    @Test
    void aCodeNeedsItsRedirectUriAndWithoutPkceTheSecret() {
        var app = server.app();
        ApiClient client = ApiClient.register(http, "read");
        OAuthApplication registered = app.accounts().tokens().findApplication(client.clientId).orElseThrow();
        long alice = server.fixtures().account("alice").id();
        String code = app.accounts().tokens().createCode(registered, alice, OAuthApplication.OOB, Set.of("read"), null, null);
        HttpResult noSecret = http.postForm("/oauth/token", HttpTester.form("grant_type", "authorization_code",
                "client_id", client.clientId, "code", code, "redirect_uri", OAuthApplication.OOB));
        assertThat(noSecret.status()).isEqualTo(401);
        HttpResult wrongRedirect = http.postForm("/oauth/token", HttpTester.form("grant_type", "authorization_code",
                "client_id", client.clientId, "client_secret", client.clientSecret, "code", code,
                "redirect_uri", "https://elsewhere.example/cb"));
        assertThat(wrongRedirect.json().get("error").asText()).isEqualTo("invalid_grant");
        HttpResult ok = http.postForm("/oauth/token", HttpTester.form("grant_type", "authorization_code",
                "client_id", client.clientId, "client_secret", client.clientSecret, "code", code,
                "redirect_uri", OAuthApplication.OOB));
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void discoveryAndUserInfo() {
        JsonNode meta = http.get("/.well-known/oauth-authorization-server").json();
        assertThat(meta.get("token_endpoint").asText()).endsWith("/oauth/token");
        assertThat(meta.get("code_challenge_methods_supported").toString()).contains("S256");
        assertThat(meta.get("scopes_supported").toString()).contains("read:statuses", "admin:write:accounts");

        ApiClient client = ApiClient.register(http, "read profile");
        HttpResult info = http.withToken(client.login("alice", Fixtures.PASSWORD, "profile")).get("/oauth/userinfo");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("preferred_username").asText()).isEqualTo("alice");
        assertThat(info.json().get("sub").asText()).endsWith("/users/alice");
    }
}
