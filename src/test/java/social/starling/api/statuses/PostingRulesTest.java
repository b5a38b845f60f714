package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * POST /api/v1/statuses: what Mastodon refuses (422 with its error, nothing stored), the 500-character limit with
 * URLs counted as 23, replies to what the author cannot see (404), the Idempotency-Key, and GET by several ids.
 */
class PostingRulesTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester alice;
    static HttpTester bob;

    @BeforeAll
    static void accounts() {
        server.fixtures().account("alice");
        server.fixtures().account("bob");
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        alice = client.as("alice", "read write follow");
        bob = client.as("bob", "read write follow");
    }

    @Test
    void refusedStatusesAnswer422AndStoreNothing() {
        Map<String, String> refused = Map.of(
                "{\"status\": \"\"}", "Text can't be blank",
                "{\"status\": \"   \"}", "Text can't be blank",
                "{}", "Text can't be blank",
                "{\"status\": \"" + "a".repeat(501) + "\"}", "character limit of 500 exceeded",
                "{\"status\": \"one option\", \"poll\": {\"options\": [\"only\"], \"expires_in\": 3600}}",
                "Poll must have at least 2 options",
                "{\"status\": \"five options\", \"poll\": {\"options\": [\"1\",\"2\",\"3\",\"4\",\"5\"], "
                        + "\"expires_in\": 3600}}", "Poll can't contain more than 4 options",
                "{\"status\": \"short poll\", \"poll\": {\"options\": [\"a\",\"b\"], \"expires_in\": 10}}",
                "Poll duration is too short",
                "{\"status\": \"bad visibility\", \"visibility\": \"everyone\"}", "Visibility is not included in the list");
        int before = statusesCount(alice);
        refused.forEach((body, message) -> {
            HttpResult r = alice.postJson("/api/v1/statuses", body);
            assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(422);
            assertThat(r.json().get("error").asText()).as(body).containsIgnoringCase(message);
        });
        assertThat(statusesCount(alice)).isEqualTo(before);
    }

    @Test
    void allowedMentionsRefusesAPostThatWouldReachAnyoneElse() {
        // Mastodon's safeguard_mentions!: 422 {"error": ..., "unexpected_accounts": [Account]}, nothing posted.
        server.fixtures().account("carol");
        String bobId = Long.toString(server.fixtures().account("bob").id());
        String carolId = Long.toString(server.fixtures().account("carol").id());
        int before = statusesCount(alice);
        HttpResult refused = alice.postJson("/api/v1/statuses",
                "{\"status\": \"@bob and @carol and @nobody\", \"allowed_mentions\": [\"" + bobId + "\"]}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("error").asText()).isEqualTo("Post would be sent to unexpected accounts");
        assertThat(refused.json().get("unexpected_accounts")).hasSize(1);
        assertThat(refused.json().get("unexpected_accounts").get(0).get("id").asText()).isEqualTo(carolId);
        assertThat(refused.json().get("unexpected_accounts").get(0).get("acct").asText()).isEqualTo("carol");
        assertThat(statusesCount(alice)).isEqualTo(before);

        // An empty list allows no mention at all; form parameters work as JSON does.
        HttpResult none = alice.postJson("/api/v1/statuses", "{\"status\": \"hi @bob\", \"allowed_mentions\": []}");
        assertThat(none.status()).as(none.body()).isEqualTo(422);
        HttpResult listed = alice.postForm("/api/v1/statuses", Map.of("status", "@bob and @carol",
                "allowed_mentions[]", bobId));
        assertThat(listed.status()).isEqualTo(422);

        HttpResult allowed = alice.postJson("/api/v1/statuses", "{\"status\": \"@bob and @carol\", "
                + "\"allowed_mentions\": [\"" + bobId + "\", " + carolId + "]}");
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.json().get("mentions")).hasSize(2);
        assertThat(alice.postJson("/api/v1/statuses", "{\"status\": \"no one named\", \"allowed_mentions\": []}")
                .status()).isEqualTo(200);
    }

    @Test
    void fiveHundredCharactersWithEveryUrlCountedAs23() {
        HttpResult exactly = alice.postJson("/api/v1/statuses", "{\"status\": \"" + "b".repeat(500) + "\"}");
        assertThat(exactly.status()).as(exactly.body()).isEqualTo(200);

        String longUrl = "https://example.com/" + "x".repeat(180);
        // 23 for the URL, 1 space, 476 letters: exactly 500 although the text is far longer.
        String withUrl = longUrl + " " + "c".repeat(476);
        HttpResult counted = alice.postJson("/api/v1/statuses", "{\"status\": \"" + withUrl + "\"}");
        assertThat(counted.status()).as(counted.body()).isEqualTo(200);
        assertThat(counted.json().get("content").asText()).contains("href=\"" + longUrl + "\"");

        HttpResult over = alice.postJson("/api/v1/statuses", "{\"status\": \"" + withUrl + "c\"}");
        assertThat(over.status()).as(over.body()).isEqualTo(422);
    }

    @Test
    void aReplyToWhatTheAuthorCannotSeeIsNotFound() {
        HttpResult direct = alice.postJson("/api/v1/statuses",
                "{\"status\": \"just for me\", \"visibility\": \"direct\"}");
        HttpResult priv = alice.postJson("/api/v1/statuses",
                "{\"status\": \"followers only\", \"visibility\": \"private\"}");
        int before = statusesCount(bob);
        for (String hidden : new String[] {direct.json().get("id").asText(), priv.json().get("id").asText(),
                "99999999999"}) {
            HttpResult reply = bob.postJson("/api/v1/statuses",
                    "{\"status\": \"sneaky reply\", \"in_reply_to_id\": \"" + hidden + "\"}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(404);
            assertThat(reply.json().get("error").asText()).isEqualTo("Record not found");
        }
        assertThat(statusesCount(bob)).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyPostsOnce() {
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Idempotency-Key", "k-42");
        String body = "{\"status\": \"posted once, however often the app retries\"}";
        int before = statusesCount(bob);
        HttpResult first = bob.send("POST", "/api/v1/statuses", headers, body);
        HttpResult again = bob.send("POST", "/api/v1/statuses", headers, body);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(statusesCount(bob)).isEqualTo(before + 1);

        // The key is the poster's: another account with the same key posts its own status.
        HttpResult other = alice.send("POST", "/api/v1/statuses", headers, body);
        assertThat(other.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
    }

    @Test
    void severalStatusesByIdLeaveOutWhatTheViewerCannotSee() {
        String open = alice.postJson("/api/v1/statuses", "{\"status\": \"open\"}").json().get("id").asText();
        String hidden = alice.postJson("/api/v1/statuses", "{\"status\": \"hidden\", \"visibility\": \"direct\"}")
                .json().get("id").asText();
        HttpResult r = bob.get("/api/v1/statuses?id[]=" + open + "&id[]=" + hidden + "&id[]=12345");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json()).hasSize(1);
        assertThat(r.json().get(0).get("id").asText()).isEqualTo(open);
    }

    private static int statusesCount(HttpTester as) {
        return as.get("/api/v1/accounts/verify_credentials").json().get("statuses_count").asInt();
    }
}
