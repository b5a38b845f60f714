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
 * Quote posts between two Starling servers (FEP-044f as Mastodon 4.5 writes it): our Note carries {@code quote}
 * (and {@code quoteUri} / {@code _misskey_quote}) and {@code interactionPolicy.canQuote}; the receiving server reads
 * the policy into the status's quote_approval, accepts a self-quote, and a quote of someone else's remote status
 * waits for the QuoteRequest exchange (tested in {@link QuoteRequestsAcrossServersTest}).
 */
class QuotesAcrossServersTest {
    private static final String SCOPES = "read write follow";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final List<TestApp> servers = new ArrayList<>();
    private static TestApp a;
    private static TestApp b;
    private static HttpTester alice;
    private static HttpTester bob;

    @BeforeAll
    static void start() throws Exception {
        a = server();
        b = server();
        a.fixtures().account("alice");
        b.fixtures().account("bob");
        alice = ApiClient.register(a.http(), SCOPES).as("alice", SCOPES);
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
    void quotesTravelWithTheirPolicy() {
        String aliceOnB = resolve(bob, "alice", a);
        assertThat(bob.post("/api/v1/accounts/" + aliceOnB + "/follow").status()).isEqualTo(200);
        Await.until(WAIT, () -> bob.get("/api/v1/accounts/relationships?id[]=" + aliceOnB).json().get(0)
                .get("following").asBoolean());

        JsonNode original = post(alice, "{\"status\": \"followers may quote this\", \"quote_approval_policy\": "
                + "\"followers\"}");
        JsonNode selfQuote = post(alice, "{\"status\": \"quoting myself\", \"quoted_status_id\": \""
                + original.get("id").asText() + "\"}");
        String originalUri = original.get("uri").asText();
        String quoteUri = selfQuote.get("uri").asText();

        // Our Note, as another server fetches it.
        HttpResult note = a.http().send("GET", path(quoteUri), Map.of("Accept", "application/activity+json"), null);
        assertThat(note.status()).as(note.body()).isEqualTo(200);
        JsonNode n = note.json();
        assertThat(n.get("quote").asText()).isEqualTo(originalUri);
        assertThat(n.get("quoteUri").asText()).isEqualTo(originalUri);
        assertThat(n.get("_misskey_quote").asText()).isEqualTo(originalUri);
        assertThat(n.get("interactionPolicy").get("canQuote").get("automaticApproval"))
                .extracting(JsonNode::asText).containsExactly("https://www.w3.org/ns/activitystreams#Public");
        JsonNode originalNote = a.http().send("GET", path(originalUri),
                Map.of("Accept", "application/activity+json"), null).json();
        assertThat(originalNote.has("quote")).isFalse();
        assertThat(originalNote.get("interactionPolicy").get("canQuote").get("automaticApproval"))
                .extracting(JsonNode::asText).containsExactly(a.baseUrl() + "/users/alice/followers");
        assertThat(originalNote.get("@context").toString()).contains("https://w3id.org/fep/044f#quote");

        // On B: the policy is understood, and the self-quote is accepted with the quoted status.
        Await.until(WAIT, () -> find(bob, quoteUri) != null && find(bob, originalUri) != null);
        JsonNode originalOnB = find(bob, originalUri);
        assertThat(originalOnB.get("quote_approval").get("automatic")).extracting(JsonNode::asText)
                .containsExactly("followers");
        assertThat(originalOnB.get("quote_approval").get("current_user").asText()).isEqualTo("automatic");
        JsonNode quoteOnB = find(bob, quoteUri);
        assertThat(quoteOnB.get("quote").get("state").asText()).isEqualTo("accepted");
        assertThat(quoteOnB.get("quote").get("quoted_status").get("uri").asText()).isEqualTo(originalUri);
        assertThat(bob.get("/api/v1/statuses/" + originalOnB.get("id").asText()).json().get("quotes_count").asInt())
                .isEqualTo(1);

        // A new policy travels with the next Update of the note (the interaction_policy change itself sends none).
        assertThat(alice.putJson("/api/v1/statuses/" + original.get("id").asText() + "/interaction_policy",
                "{\"quote_approval_policy\": \"public\"}").status()).isEqualTo(200);
        assertThat(alice.putJson("/api/v1/statuses/" + original.get("id").asText(),
                "{\"status\": \"anyone may quote this now\"}").status()).isEqualTo(200);
        Await.until(WAIT, () -> find(bob, originalUri).get("quote_approval").get("automatic").toString()
                .equals("[\"public\"]"));

        // Bob quotes alice's remote post: pending until alice's server authorizes it.
        HttpResult bobsQuote = bob.postJson("/api/v1/statuses", "{\"status\": \"interesting\", \"quoted_status_id\": \""
                + originalOnB.get("id").asText() + "\"}");
        assertThat(bobsQuote.status()).as(bobsQuote.body()).isEqualTo(200);
        assertThat(bobsQuote.json().get("quote").get("state").asText()).isEqualTo("pending");
        assertThat(bobsQuote.json().get("quote").get("quoted_status").isNull()).isTrue();
        String bobsQuoteId = bobsQuote.json().get("id").asText();
        Await.until(WAIT, () -> bob.get("/api/v1/statuses/" + bobsQuoteId).json().get("quote").get("state").asText()
                .equals("accepted"));
    }

    private static String path(String uri) {
        return uri.replaceFirst("^https?://[^/]+", "");
    }

    private static JsonNode find(HttpTester viewer, String uri) {
        for (JsonNode s : viewer.get("/api/v1/timelines/home?limit=40").json()) {
            if (s.get("uri").asText().equals(uri)) {
                return s;
            }
        }
        return null;
    }

    private static String domain(TestApp app) {
        return app.baseUrl().replaceFirst("^https?://", "");
    }

    private static String resolve(HttpTester viewer, String username, TestApp home) {
        HttpResult r = viewer.get("/api/v2/search?type=accounts&resolve=true&q="
                + URLEncoder.encode("@" + username + "@" + domain(home), StandardCharsets.UTF_8));
        assertThat(r.json().get("accounts")).as(r.body()).hasSize(1);
        return r.json().get("accounts").get(0).get("id").asText();
    }

    private static JsonNode post(HttpTester author, String json) {
        HttpResult r = author.postJson("/api/v1/statuses", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
