package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static social.starling.api.web.WebTesting.signIn;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.errors.OAuthException;
import social.starling.model.oauth.OAuthApplication;
import social.starling.service.oauth.RegisterApplicationService;
import social.starling.service.oauth.TokenService;
import social.starling.support.Hashes;
import social.starling.testing.Fixtures;
import social.starling.testing.TestApp;

/** The OAuth authorization-code flow through the consent page, as an app and its user go through it. */
class AuthorizeTest {
    private static final String CALLBACK = "https://app.example/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk0123456789";

    @RegisterExtension
    static TestApp server = TestApp.create();

    static OAuthApplication app;
    static OAuthApplication oobApp;

    @BeforeAll
    static void apps() {
        var register = server.app().accounts().registerApplication();
        app = register.register(new RegisterApplicationService.Request("Tusky Test", List.of(CALLBACK,
                "https://app.example/other?from=starling"), "read write follow push", "https://app.example", null));
        oobApp = register.register(new RegisterApplicationService.Request("toot", List.of(OAuthApplication.OOB),
                "read write", null, null));
        server.fixtures().account("alice");
        server.fixtures().account("bob");
    }

    @Test
    void signInConsentAndExchangeTheCodeWithPkce() {
        WebClient browser = new WebClient(server.baseUrl());
        String authorize = authorizeUrl(app, CALLBACK, "read:statuses write:statuses follow", "xyz 1",
                Hashes.sha256Base64Url(VERIFIER), "S256");

        WebClient.Page toSignIn = browser.get(authorize);
        assertThat(toSignIn.status()).isEqualTo(302);
        assertThat(toSignIn.location()).contains("/auth/sign_in");
        WebClient.Page back = signIn(browser, "alice", Fixtures.PASSWORD);
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.location()).contains(authorize);

        WebClient.Page consent = browser.get(back.location().get());
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
        assertThat(consent.doc().selectFirst(".app-name").text()).isEqualTo("Tusky Test");
        assertThat(consent.text()).contains("@alice", "see all posts", "publish posts",
                "Modify account relationships", "app.example", "https://app.example");
        assertThat(consent.headers().firstValue("X-Frame-Options")).contains("DENY");

        WebClient.Page approved = browser.submit(consent.form("/oauth/authorize"), Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(302);
        String location = approved.location().orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?code=");
        Map<String, String> query = WebClient.query(location);
        assertThat(query.get("state")).isEqualTo("xyz 1");

        TokenService.IssuedToken token = server.app().accounts().tokens().exchangeCode(app.clientId(), null, query.get("code"),
                CALLBACK, VERIFIER);
        assertThat(token.token().scopes()).containsExactlyInAnyOrder("read:statuses", "write:statuses", "follow");
        assertThat(token.token().accountId()).isEqualTo(server.fixtures().account("alice").id());
    }

    @Test
    void theCodeIsAppendedToARedirectUriWithAQuery() {
        WebClient browser = signedIn("alice");
        String other = "https://app.example/other?from=starling";
        WebClient.Page consent = browser.get(authorizeUrl(app, other, "read", null, null, null));
        WebClient.Page approved = browser.submit(consent.form("/oauth/authorize"), Map.of());
        assertThat(approved.location().orElseThrow()).startsWith(other + "&code=");
        String code = WebClient.query(approved.location().get()).get("code");
        assertThat(server.app().accounts().tokens().exchangeCode(app.clientId(), app.clientSecret(), code, other, null)
                .token().scopes()).containsExactly("read");
    }

    @Test
    void outOfBandShowsTheCodeToCopy() {
        WebClient browser = signedIn("bob");
        WebClient.Page consent = browser.get(authorizeUrl(oobApp, OAuthApplication.OOB, "read write", null, null,
                null));
        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.text()).contains("toot", "Read all your account's data", "Modify all your account's data");
        WebClient.Page shown = browser.submit(consent.form("/oauth/authorize"), Map.of());
        assertThat(shown.status()).isEqualTo(200);
        String code = shown.doc().selectFirst("code#authorization-code").text();
        assertThat(code).isNotBlank();
        var token = server.app().accounts().tokens().exchangeCode(oobApp.clientId(), oobApp.clientSecret(), code,
                OAuthApplication.OOB, null);
        assertThat(token.token().accountId()).isEqualTo(server.fixtures().account("bob").id());
    }

    @Test
    void denyingSendsAccessDeniedBack() {
        WebClient browser = signedIn("alice");
        WebClient.Page consent = browser.get(authorizeUrl(app, CALLBACK, "read", "s1", null, null));
        WebClient.Page denied = browser.submit(consent.form("/oauth/authorize/deny"), Map.of());
        assertThat(denied.status()).isEqualTo(302);
        Map<String, String> query = WebClient.query(denied.location().orElseThrow());
        assertThat(denied.location().get()).startsWith(CALLBACK + "?");
        assertThat(query).containsEntry("error", "access_denied").containsEntry("state", "s1")
                .containsKey("error_description").doesNotContainKey("code");

        WebClient.Page oobConsent = browser.get(authorizeUrl(oobApp, OAuthApplication.OOB, "read", null, null,
                null));
        WebClient.Page oobDenied = browser.submit(oobConsent.form("/oauth/authorize/deny"), Map.of());
        assertThat(oobDenied.status()).isEqualTo(200);
        assertThat(oobDenied.text()).contains("Access denied");
    }

    @Test
    void anUnknownClientIsAPageNeverARedirect() {
        WebClient browser = signedIn("alice");
        WebClient.Page page = browser.get("/oauth/authorize?response_type=code&client_id=nope&redirect_uri="
                + enc("https://evil.example/") + "&scope=read");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isEmpty();
        assertThat(page.text()).contains("Client authentication failed");
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void anUnregisteredRedirectUriIsAPageNeverARedirect() {
        WebClient browser = signedIn("alice");
        WebClient.Page page = browser.get(authorizeUrl(app, "https://evil.example/callback", "read", "s", null,
                null));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isEmpty();
        assertThat(page.text()).contains("redirect URI");

        // the same holds for a forged consent form
        WebClient.Page consent = browser.get(authorizeUrl(app, CALLBACK, "read", null, null, null));
        WebClient.Page forged = browser.submit(consent.form("/oauth/authorize"),
                Map.of("redirect_uri", "https://evil.example/callback"));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.location()).isEmpty();
    }

    @Test
    void badRequestsFromAKnownAppGoBackWithAnError() {
        WebClient browser = signedIn("alice");
        WebClient.Page responseType = browser.get(authorizeUrl(app, CALLBACK, "read", "s", null, null)
                .replace("response_type=code", "response_type=token"));
        assertThat(WebClient.query(responseType.location().orElseThrow()))
                .containsEntry("error", "unsupported_response_type").containsEntry("state", "s");

        WebClient.Page scope = browser.get(authorizeUrl(app, CALLBACK, "read admin:read", "s", null, null));
        assertThat(WebClient.query(scope.location().orElseThrow())).containsEntry("error", "invalid_scope");

        WebClient.Page unknownScope = browser.get(authorizeUrl(app, CALLBACK, "read:everything", "s", null, null));
        assertThat(WebClient.query(unknownScope.location().orElseThrow())).containsEntry("error", "invalid_scope");

        WebClient.Page pkce = browser.get(authorizeUrl(app, CALLBACK, "read", "s", "abc", "MD5"));
        assertThat(WebClient.query(pkce.location().orElseThrow())).containsEntry("error", "invalid_request");
    }

    @Test
    void noScopeMeansRead() {
        WebClient browser = signedIn("alice");
        WebClient.Page consent = browser.get(authorizeUrl(app, CALLBACK, null, null, null, null));
        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.form("/oauth/authorize").selectFirst("input[name=scope]").attr("value")).isEqualTo("read");
    }

    @Test
    void forceLoginAsksForThePasswordAgain() {
        WebClient browser = signedIn("alice");
        String session = browser.cookie("_starling_session").orElseThrow();
        String url = authorizeUrl(app, CALLBACK, "read", "fl", null, null) + "&force_login=true";

        WebClient.Page toSignIn = browser.get(url);
        assertThat(toSignIn.status()).isEqualTo(302);
        assertThat(toSignIn.location()).contains("/auth/sign_in");
        assertThat(server.app().accounts().sessions().find(session)).as("signed out").isEmpty();
        assertThat(browser.get("/auth/sign_in").status()).as("the form is shown, not skipped").isEqualTo(200);

        WebClient.Page back = signIn(browser, "bob", Fixtures.PASSWORD);
        assertThat(back.location().orElseThrow()).doesNotContain("force_login").contains("client_id=");
        WebClient.Page consent = browser.get(back.location().get());
        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.text()).contains("@bob");
    }

    @Test
    void approvingWithoutTheCsrfTokenIsRefused() {
        WebClient browser = signedIn("alice");
        WebClient.Page consent = browser.get(authorizeUrl(app, CALLBACK, "read", null, null, null));
        Map<String, String> forged = new java.util.HashMap<>();
        consent.form("/oauth/authorize").select("input[name]").forEach(i -> forged.put(i.attr("name"), i.val()));
        forged.remove("authenticity_token");
        WebClient.Page page = browser.post("/oauth/authorize", forged);
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.location()).isEmpty();
    }

    @Test
    void aCodeWorksOnlyWithItsVerifier() {
        WebClient browser = signedIn("alice");
        WebClient.Page consent = browser.get(authorizeUrl(app, CALLBACK, "read", null,
                Hashes.sha256Base64Url(VERIFIER), "S256"));
        String code = WebClient.query(browser.submit(consent.form("/oauth/authorize"), Map.of())
                .location().orElseThrow()).get("code");
        assertThatThrownBy(() -> server.app().accounts().tokens().exchangeCode(app.clientId(), null, code, CALLBACK,
                VERIFIER.replace('0', '1'))).isInstanceOf(OAuthException.class);
    }

    @Test
    void scopesAreDescribedInPlainWords() {
        List<ScopeGroup> groups = ScopeGroup.describe(new java.util.LinkedHashSet<>(
                List.of("write", "read:lists", "read:statuses", "admin:read:accounts", "custom:thing")));
        assertThat(groups).extracting(ScopeGroup::title)
                .containsExactly("Read", "Write", "Administration: read", "Other");
        assertThat(groups.get(0).details()).containsExactly("see your lists", "see all posts");
        assertThat(groups.get(1).details()).isEmpty();
        assertThat(groups.get(1).summary()).isEqualTo("Modify all your account's data");
        assertThat(groups.get(3).details()).containsExactly("custom:thing");
    }

    private static WebClient signedIn(String username) {
        WebClient browser = new WebClient(server.baseUrl());
        assertThat(signIn(browser, username, Fixtures.PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    private static String authorizeUrl(OAuthApplication client, String redirectUri, String scope, String state,
                                       String challenge, String method) {
        StringBuilder url = new StringBuilder("/oauth/authorize?response_type=code&client_id=")
                .append(enc(client.clientId())).append("&redirect_uri=").append(enc(redirectUri));
        if (scope != null) {
            url.append("&scope=").append(enc(scope));
        }
        if (state != null) {
            url.append("&state=").append(enc(state));
        }
        if (challenge != null) {
            url.append("&code_challenge=").append(enc(challenge)).append("&code_challenge_method=").append(method);
        }
        return url.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
