package social.starling.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The FEP-044f exchange between two Starling servers, as Mastodon 4.5 does it: a quote of a remote status sends a
 * QuoteRequest; the quoted author's server answers Accept with a QuoteAuthorization it serves (the quote becomes
 * accepted there and here, and the quoted author is notified) or Reject when the policy does not allow the quoter;
 * revoking sends the Delete of the authorization, and the quote shows revoked on the quoting server.
 */
class QuoteRequestsAcrossServersTest {
    private static final String SCOPES = "read write follow";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final List<TestApp> servers = new ArrayList<>();
    private static TestApp a;
    private static TestApp b;
    private static HttpTester alice;
    private static HttpTester carol;
    private static HttpTester bob;

    @BeforeAll
    static void start() throws Exception {
        a = server();
        b = server();
        a.fixtures().account("alice");
        a.fixtures().account("carol");
        b.fixtures().account("bob");
        alice = ApiClient.register(a.http(), SCOPES).as("alice", SCOPES);
        carol = ApiClient.register(a.http(), SCOPES).as("carol", SCOPES);
        bob = ApiClient.register(b.http(), SCOPES).as("bob", SCOPES);
    }

    private static TestApp server() throws Exception {
        TestApp app = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");
        app.start();
        servers.add(app);
        return app;
    }

    @AfterAll
    static void stop() {
        servers.forEach(TestApp::stop);
    }

    @Test
    void aQuoteOfAPublicPostIsAuthorizedThenRevoked() {
        JsonNode original = post(bob, "{\"status\": \"anyone may quote this\", \"quote_approval_policy\": "
                + "\"public\"}");
        String originalId = original.get("id").asText();
        String onA = resolveStatus(alice, original.get("uri").asText());

        JsonNode quote = post(alice, "{\"status\": \"well said\", \"quoted_status_id\": \"" + onA + "\"}");
        String quoteId = quote.get("id").asText();
        String quoteUri = quote.get("uri").asText();
        assertThat(quote.get("quote").get("state").asText()).isEqualTo("pending");

        // B answered Accept; A checked the QuoteAuthorization and accepted the quote.
        Await.until(WAIT, () -> "accepted".equals(state(alice, quoteId)));
        JsonNode shown = alice.get("/api/v1/statuses/" + quoteId).json();
        assertThat(shown.get("quote").get("quoted_status").get("uri").asText())
                .isEqualTo(original.get("uri").asText());

        // On B: bob is told, and the quote is listed among his post's quotes.
        Await.until(WAIT, () -> bob.get("/api/v1/notifications?types[]=quote").json().size() == 1);
        JsonNode notification = bob.get("/api/v1/notifications?types[]=quote").json().get(0);
        assertThat(notification.get("type").asText()).isEqualTo("quote");
        assertThat(notification.get("status").get("uri").asText()).isEqualTo(quoteUri);
        JsonNode quotes = bob.get("/api/v1/statuses/" + originalId + "/quotes").json();
        assertThat(quotes).hasSize(1);
        assertThat(quotes.get(0).get("uri").asText()).isEqualTo(quoteUri);
        assertThat(quotes.get(0).get("quote").get("state").asText()).isEqualTo("accepted");

        // A's note names the authorization, which B serves (Mastodon's QuoteAuthorizationSerializer).
        JsonNode note = a.http().send("GET", path(quoteUri), Map.of("Accept", "application/activity+json"), null)
                .json();
        String authorization = note.get("quoteAuthorization").asText();
        assertThat(authorization).startsWith(b.baseUrl() + "/users/bob/quote_authorizations/");
        HttpResult stamp = b.http().send("GET", path(authorization), Map.of("Accept", "application/activity+json"),
                null);
        assertThat(stamp.status()).as(stamp.body()).isEqualTo(200);
        JsonNode s = stamp.json();
        assertThat(s.get("id").asText()).isEqualTo(authorization);
        assertThat(s.get("type").asText()).isEqualTo("QuoteAuthorization");
        assertThat(s.get("attributedTo").asText()).isEqualTo(b.baseUrl() + "/users/bob");
        assertThat(s.get("interactingObject").asText()).isEqualTo(quoteUri);
        assertThat(s.get("interactionTarget").asText()).isEqualTo(original.get("uri").asText());
        assertThat(s.get("@context").toString()).contains("gts:interactingObject");

        // Bob revokes: B stops serving the authorization and tells A, where the quote shows revoked.
        String quoteOnB = quotes.get(0).get("id").asText();
        HttpResult revoked = bob.post("/api/v1/statuses/" + originalId + "/quotes/" + quoteOnB + "/revoke");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("quote").get("state").asText()).isEqualTo("revoked");
        assertThat(b.http().send("GET", path(authorization), Map.of("Accept", "application/activity+json"), null)
                .status()).isEqualTo(404);
        Await.until(WAIT, () -> "revoked".equals(state(alice, quoteId)));
        assertThat(bob.get("/api/v1/statuses/" + originalId + "/quotes").json()).isEmpty();
    }

    @Test
    void aQuoteTheQuotedPolicyDoesNotAllowIsRejected() {
        // A reads the post while it is public to quote; bob then limits it to his followers (no Update is sent for
        // that), so carol's server asks and bob's server, deciding by the current policy, refuses.
        JsonNode original = post(bob, "{\"status\": \"for my followers to quote\", \"quote_approval_policy\": "
                + "\"public\"}");
        String onA = resolveStatus(carol, original.get("uri").asText());
        assertThat(bob.putJson("/api/v1/statuses/" + original.get("id").asText() + "/interaction_policy",
                "{\"quote_approval_policy\": \"followers\"}").status()).isEqualTo(200);

        JsonNode quote = post(carol, "{\"status\": \"hm\", \"quoted_status_id\": \"" + onA + "\"}");
        String quoteId = quote.get("id").asText();
        Await.until(WAIT, () -> "rejected".equals(state(carol, quoteId)));
        assertThat(carol.get("/api/v1/statuses/" + quoteId).json().get("quote").get("quoted_status").isNull())
                .isTrue();
        assertThat(bob.get("/api/v1/statuses/" + original.get("id").asText() + "/quotes").json()).isEmpty();
        assertThat(bob.get("/api/v1/notifications?types[]=quote").json().toString()).doesNotContain(quote.get("uri")
                .asText());
    }

    @Test
    void aQuoteBetweenTwoLocalPeopleCarriesAnAuthorizationOtherServersCheck() {
        JsonNode original = post(alice, "{\"status\": \"carol may quote this\", \"quote_approval_policy\": "
                + "\"public\"}");
        JsonNode quote = post(carol, "{\"status\": \"indeed\", \"quoted_status_id\": \""
                + original.get("id").asText() + "\"}");
        assertThat(quote.get("quote").get("state").asText()).isEqualTo("accepted");
        String onB = resolveStatus(bob, quote.get("uri").asText());
        JsonNode shown = bob.get("/api/v1/statuses/" + onB).json();
        assertThat(shown.get("quote").get("state").asText()).isEqualTo("accepted");
        assertThat(shown.get("quote").get("quoted_status").get("uri").asText())
                .isEqualTo(original.get("uri").asText());

        // Alice revokes it: the Delete of her authorization reaches carol's followers' servers too.
        String carolOnB = resolveAccount(bob, "carol", a);
        assertThat(bob.post("/api/v1/accounts/" + carolOnB + "/follow").status()).isEqualTo(200);
        Await.until(WAIT, () -> bob.get("/api/v1/accounts/relationships?id[]=" + carolOnB).json().get(0)
                .get("following").asBoolean());
        HttpResult revoked = alice.post("/api/v1/statuses/" + original.get("id").asText() + "/quotes/"
                + quote.get("id").asText() + "/revoke");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        Await.until(WAIT, () -> "revoked".equals(state(bob, onB)));
    }

    private static String resolveAccount(HttpTester viewer, String username, TestApp home) {
        HttpResult r = viewer.get("/api/v2/search?type=accounts&resolve=true&q="
                + URLEncoder.encode("@" + username + "@" + home.baseUrl().replaceFirst("^https?://", ""),
                StandardCharsets.UTF_8));
        assertThat(r.json().get("accounts")).as(r.body()).hasSize(1);
        return r.json().get("accounts").get(0).get("id").asText();
    }

    private static String state(HttpTester viewer, String statusId) {
        return viewer.get("/api/v1/statuses/" + statusId).json().get("quote").get("state").asText();
    }

    private static String resolveStatus(HttpTester viewer, String uri) {
        HttpResult r = viewer.get("/api/v2/search?type=statuses&resolve=true&q="
                + URLEncoder.encode(uri, StandardCharsets.UTF_8));
        assertThat(r.json().get("statuses")).as(r.body()).hasSize(1);
        return r.json().get("statuses").get(0).get("id").asText();
    }

    private static String path(String uri) {
        return uri.replaceFirst("^https?://[^/]+", "");
    }

    private static JsonNode post(HttpTester author, String json) {
        HttpResult r = author.postJson("/api/v1/statuses", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
