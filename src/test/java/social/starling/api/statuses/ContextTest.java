package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** GET /api/v1/statuses/:id/context: order, limits and what stays hidden. */
class ContextTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester alice;
    static HttpTester bob;
    static HttpTester carol;
    static HttpTester dave;
    static long bobId;
    static long carolId;
    static long daveId;

    @BeforeAll
    static void accounts() {
        server.fixtures().account("alice");
        bobId = server.fixtures().account("bob").id();
        carolId = server.fixtures().account("carol").id();
        daveId = server.fixtures().account("dave").id();
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        alice = client.as("alice", "read write follow");
        bob = client.as("bob", "read write follow");
        carol = client.as("carol", "read write follow");
        dave = client.as("dave", "read write follow");
    }

    static String reply(HttpTester who, String text, String to, String visibility) {
        String body = "{\"status\": \"" + text + "\", \"visibility\": \"" + visibility + "\""
                + (to == null ? "" : ", \"in_reply_to_id\": \"" + to + "\"") + "}";
        HttpResult r = who.postJson("/api/v1/statuses", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(s -> out.add(s.get("content").asText().replaceAll("<[^>]+>", "")));
        return out;
    }

    @Test
    void threadOrderAsMastodon() {
        // accounts of its own, so the golden file's counts do not depend on the other tests
        server.fixtures().account("erin");
        server.fixtures().account("frank");
        ApiClient client = ApiClient.register(server.http(), "read write");
        HttpTester alice = client.as("erin", "read write");
        HttpTester bob = client.as("frank", "read write");
        String root = reply(alice, "root", null, "public");
        String b = reply(bob, "b", root, "public");
        String c = reply(alice, "c", b, "public");
        reply(carol, "d", root, "public");
        reply(alice, "e", root, "public"); // a reply to oneself: brought to the top
        reply(bob, "f", c, "public");

        JsonNode context = server.http().get("/api/v1/statuses/" + root + "/context").json();
        assertThat(context.get("ancestors")).isEmpty();
        assertThat(texts(context.get("descendants"))).containsExactly("e", "b", "c", "f", "d");

        HttpResult middle = server.http().get("/api/v1/statuses/" + c + "/context");
        assertThat(texts(middle.json().get("ancestors"))).containsExactly("root", "b");
        assertThat(texts(middle.json().get("descendants"))).containsExactly("f");
        Golden.assertMatches("context.json", middle.body());
    }

    @Test
    void hiddenPartsStayHidden() {
        String root = reply(alice, "top", null, "public");
        String priv = reply(carol, "private reply", root, "private");
        reply(carol, "under the private one", priv, "public");
        reply(dave, "muted voice", root, "public");
        reply(bob, "visible", root, "public");

        var app = server.app();
        app.core().db().inTransaction(tx -> {
            app.repos().relationships().upsertMute(tx, app.core().ids().next(), bobId, daveId, true, null, Instant.now());
            return null;
        });
        app.statuses().relations().evict(bobId);

        assertThat(texts(server.http().get("/api/v1/statuses/" + root + "/context").json().get("descendants")))
                .containsExactly("under the private one", "muted voice", "visible");
        assertThat(texts(bob.get("/api/v1/statuses/" + root + "/context").json().get("descendants")))
                .containsExactly("under the private one", "visible");
        assertThat(texts(carol.get("/api/v1/statuses/" + root + "/context").json().get("descendants")))
                .containsExactly("under the private one", "private reply", "muted voice", "visible");
        assertThat(server.http().get("/api/v1/statuses/" + priv + "/context").status()).isEqualTo(404);
        assertThat(server.http().get("/api/v1/statuses/99999/context").status()).isEqualTo(404);
    }

    @Test
    void visitorsSeeAtMostSixtyDescendants() {
        String root = reply(alice, "busy", null, "public");
        for (int i = 0; i < 62; i++) {
            reply(bob, "r" + i, root, "public");
        }
        assertThat(server.http().get("/api/v1/statuses/" + root + "/context").json().get("descendants")).hasSize(60);
        assertThat(bob.get("/api/v1/statuses/" + root + "/context").json().get("descendants")).hasSize(62);
    }
}
