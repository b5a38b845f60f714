package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.statuses.InteractionTesting.notifications;
import static social.starling.api.statuses.InteractionTesting.post;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.NotificationType;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Pinning one's statuses (Mastodon's rules and limit) and muting threads (no notifications from them). */
class PinsAndMutesApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static ApiClient client;

    @BeforeAll
    static void app() {
        client = ApiClient.register(server.http(), "read write follow");
    }

    static HttpTester as(String name) {
        return InteractionTesting.member(server, client, name);
    }

    static long idOf(String name) {
        return server.fixtures().account(name).id();
    }

    static String error(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        return r.json().get("error").asText();
    }

    @Test
    void pinningFollowsMastodonsRulesAndLimit() {
        HttpTester mia = as("mia");
        HttpTester noa = as("noa");
        String own = post(mia, "pin me", "public");
        String theirs = post(noa, "not yours", "public");
        String direct = post(mia, "note to self", "direct");
        String boost = mia.post("/api/v1/statuses/" + theirs + "/reblog").json().get("id").asText();
        String noasBoost = noa.post("/api/v1/statuses/" + own + "/reblog").json().get("id").asText();

        HttpResult pinned = mia.post("/api/v1/statuses/" + own + "/pin");
        assertThat(pinned.status()).as(pinned.body()).isEqualTo(200);
        assertThat(pinned.json().get("pinned").asBoolean()).isTrue();
        assertThat(mia.get("/api/v1/statuses/" + own).json().get("pinned").asBoolean()).isTrue();
        assertThat(mia.post("/api/v1/statuses/" + own + "/pin").status()).isEqualTo(200);

        assertThat(error(mia.post("/api/v1/statuses/" + theirs + "/pin")))
                .isEqualTo("Validation failed: Someone else's post cannot be pinned");
        assertThat(error(mia.post("/api/v1/statuses/" + boost + "/pin")))
                .isEqualTo("Validation failed: A boost cannot be pinned");
        assertThat(error(mia.post("/api/v1/statuses/" + noasBoost + "/pin")))
                .isEqualTo("Validation failed: A boost cannot be pinned, Someone else's post cannot be pinned");
        assertThat(error(mia.post("/api/v1/statuses/" + direct + "/pin")))
                .isEqualTo("Validation failed: Posts that are only visible to mentioned users cannot be pinned");
        String hidden = post(noa, "followers only", "private");
        assertThat(mia.post("/api/v1/statuses/" + hidden + "/pin").status()).isEqualTo(404);
        HttpResult noScope = client.as("mia", "read").post("/api/v1/statuses/" + own + "/pin");
        assertThat(noScope.status()).isEqualTo(403);

        // Private statuses can be pinned (Mastodon 3.5+); five at most.
        List<String> more = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            more.add(post(mia, "more " + i, i == 0 ? "private" : "unlisted"));
        }
        for (String id : more.subList(0, 4)) {
            assertThat(mia.post("/api/v1/statuses/" + id + "/pin").status()).isEqualTo(200);
        }
        assertThat(error(mia.post("/api/v1/statuses/" + more.get(4) + "/pin")))
                .isEqualTo("Validation failed: You have already pinned the maximum number of posts");
        assertThat(mia.get("/api/v1/statuses/" + more.get(4)).json().get("pinned").asBoolean()).isFalse();
        // Someone else sees no pinned mark at all (Mastodon shows it only where it could be pinned).
        assertThat(noa.get("/api/v1/statuses/" + own).json().has("pinned")).isFalse();

        HttpResult unpinned = mia.post("/api/v1/statuses/" + own + "/unpin");
        assertThat(unpinned.status()).isEqualTo(200);
        assertThat(unpinned.json().get("pinned").asBoolean()).isFalse();
        assertThat(mia.post("/api/v1/statuses/" + own + "/unpin").status()).isEqualTo(200);
        assertThat(mia.post("/api/v1/statuses/" + more.get(4) + "/pin").json().get("pinned").asBoolean()).isTrue();
    }

    @Test
    void aMutedThreadDoesNotNotifyUntilUnmuted() {
        HttpTester olga = as("olga");
        HttpTester pete = as("pete");
        as("quin");
        String root = post(olga, "a thread", "public");

        HttpResult muted = olga.post("/api/v1/statuses/" + root + "/mute");
        assertThat(muted.status()).as(muted.body()).isEqualTo(200);
        assertThat(muted.json().get("muted").asBoolean()).isTrue();
        assertThat(olga.post("/api/v1/statuses/" + root + "/mute").status()).isEqualTo(200);
        assertThat(olga.get("/api/v1/statuses/" + root).json().get("muted").asBoolean()).isTrue();
        assertThat(pete.get("/api/v1/statuses/" + root).json().get("muted").asBoolean()).isFalse();

        String reply = replyTo(pete, root, "@olga @quin what do you think?");
        // quin's mention comes from the same job as olga's would: once it exists, olga's would too.
        Await.until(() -> notifications(server, idOf("quin"), idOf("pete"), NotificationType.MENTION, reply) == 1);
        assertThat(notifications(server, idOf("olga"), idOf("pete"), NotificationType.MENTION, reply)).isZero();
        assertThat(pete.post("/api/v1/statuses/" + root + "/favourite").status()).isEqualTo(200);
        assertThat(notifications(server, idOf("olga"), idOf("pete"), NotificationType.FAVOURITE, root)).isZero();
        // A reply in the thread is in the muted thread too.
        assertThat(olga.get("/api/v1/statuses/" + reply).json().get("muted").asBoolean()).isTrue();

        HttpResult unmuted = olga.post("/api/v1/statuses/" + reply + "/unmute");
        assertThat(unmuted.status()).isEqualTo(200);
        assertThat(unmuted.json().get("muted").asBoolean()).isFalse();
        assertThat(olga.get("/api/v1/statuses/" + root).json().get("muted").asBoolean()).isFalse();
        String later = replyTo(pete, root, "@olga still there?");
        Await.until(() -> notifications(server, idOf("olga"), idOf("pete"), NotificationType.MENTION, later) == 1);

        assertThat(client.as("olga", "write:statuses").post("/api/v1/statuses/" + root + "/mute").status())
                .isEqualTo(403);
        String hidden = post(pete, "followers only", "private");
        assertThat(olga.post("/api/v1/statuses/" + hidden + "/mute").status()).isEqualTo(404);
    }

    static String replyTo(HttpTester as, String parent, String text) {
        HttpResult r = as.postJson("/api/v1/statuses", "{\"status\": \"" + text + "\", \"in_reply_to_id\": \""
                + parent + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }
}
