package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.MutableClock;
import social.starling.testing.TestApp;

/** POST /api/v1/statuses with scheduled_at, /api/v1/scheduled_statuses, and publishing at the time. */
class ScheduledStatusTest {
    static final MutableClock clock = MutableClock.startingNow();

    @RegisterExtension
    static TestApp server = TestApp.create().withClock(clock);

    static HttpTester alice;
    static HttpTester bob;
    static String aliceId;

    @BeforeAll
    static void accounts() {
        aliceId = Long.toString(server.fixtures().account("alice").id());
        server.fixtures().account("bob");
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        alice = client.as("alice", "read write follow");
        bob = client.as("bob", "read write follow");
    }

    static String in(Duration d) {
        return clock.instant().plus(d).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static HttpResult schedule(String text, String at) {
        return alice.postJson("/api/v1/statuses", "{\"status\": \"" + text + "\", \"visibility\": \"unlisted\", "
                + "\"scheduled_at\": \"" + at + "\"}");
    }

    @Test
    void scheduleListMoveAndDelete() {
        HttpResult created = schedule("Later", in(Duration.ofHours(2)));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode s = created.json();
        assertThat(s.get("params").get("text").asText()).isEqualTo("Later");
        assertThat(s.get("params").get("visibility").asText()).isEqualTo("unlisted");
        assertThat(s.get("scheduled_at").asText()).isNotBlank();
        // application_id is a number (deprecated, as Mastodon stores it), which Golden does not normalise
        assertThat(s.get("params").get("application_id").isIntegralNumber()).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) s.get("params")).put("application_id", "<app>");
        Golden.assertMatches("scheduled_status.json", s.toString());
        String id = s.get("id").asText();

        String second = schedule("Even later", in(Duration.ofHours(3))).json().get("id").asText();
        HttpResult page = alice.get("/api/v1/scheduled_statuses?limit=1");
        assertThat(page.json()).hasSize(1);
        assertThat(page.json().get(0).get("id").asText()).isEqualTo(second);
        assertThat(page.header("Link").orElseThrow()).contains("max_id=" + second);
        assertThat(alice.get("/api/v1/scheduled_statuses?max_id=" + second).json().findValuesAsText("id"))
                .contains(id).doesNotContain(second);

        assertThat(bob.get("/api/v1/scheduled_statuses/" + id).status()).isEqualTo(404);
        assertThat(bob.delete("/api/v1/scheduled_statuses/" + id).status()).isEqualTo(404);
        assertThat(bob.get("/api/v1/scheduled_statuses").json()).isEmpty();

        String moved = in(Duration.ofHours(5));
        HttpResult put = alice.putJson("/api/v1/scheduled_statuses/" + id, "{\"scheduled_at\": \"" + moved + "\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(Instant.parse(put.json().get("scheduled_at").asText())).isEqualTo(Instant.parse(moved));
        HttpResult tooSoon = alice.putJson("/api/v1/scheduled_statuses/" + id,
                "{\"scheduled_at\": \"" + in(Duration.ofMinutes(2)) + "\"}");
        assertThat(tooSoon.status()).isEqualTo(422);

        assertThat(alice.delete("/api/v1/scheduled_statuses/" + id).status()).isEqualTo(200);
        assertThat(alice.get("/api/v1/scheduled_statuses/" + id).status()).isEqualTo(404);
        assertThat(alice.delete("/api/v1/scheduled_statuses/" + second).status()).isEqualTo(200);
    }

    @Test
    void tooSoonOrInvalidIsRefusedAndStoresNothing() {
        HttpResult soon = schedule("Soon", in(Duration.ofMinutes(4)));
        assertThat(soon.status()).isEqualTo(422);
        assertThat(soon.json().get("error").asText())
                .isEqualTo("Validation failed: Scheduled at date must be in the future");
        HttpResult blank = schedule("", in(Duration.ofHours(1)));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("error").asText()).isEqualTo("Validation failed: Text can't be blank");
        HttpResult garbage = schedule("x", "tomorrow-ish");
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(alice.get("/api/v1/scheduled_statuses").json().findValuesAsText("text"))
                .doesNotContain("Soon", "x");
    }

    @Test
    void paramsVisibilityIsTheEffectiveOneWhenThePostDidNotSay() {
        // The account's default posting visibility, never null (apps show it in their scheduled list).
        server.fixtures().account("dave");
        HttpTester dave = ApiClient.register(server.http(), "read write").as("dave", "read write");
        assertThat(dave.patchJson("/api/v1/accounts/update_credentials", "{\"source\": {\"privacy\": \"private\"}}")
                .status()).isEqualTo(200);
        HttpResult r = dave.postJson("/api/v1/statuses", "{\"status\": \"Default\", \"scheduled_at\": \""
                + in(Duration.ofHours(3)) + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("params").get("visibility").asText()).isEqualTo("private");
        String id = r.json().get("id").asText();
        assertThat(dave.get("/api/v1/scheduled_statuses/" + id).json().get("params").get("visibility").asText())
                .isEqualTo("private");
    }

    @Test
    void aTimeInThePastPostsAtOnce() {
        HttpResult now = schedule("Right away", in(Duration.ofMinutes(-1)));
        assertThat(now.status()).as(now.body()).isEqualTo(200);
        assertThat(now.json().get("content").asText()).contains("Right away");
        assertThat(now.json().has("params")).isFalse();
    }

    @Test
    void publishedAtItsTime() {
        HttpResult created = alice.postJson("/api/v1/statuses", "{\"status\": \"Scheduled poll\", \"poll\": "
                + "{\"options\": [\"x\", \"y\"], \"expires_in\": 3600}, \"scheduled_at\": \""
                + in(Duration.ofMinutes(30)) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode scheduledPoll = created.json().at("/params/poll");
        assertThat(scheduledPoll.get("options").isArray()).as(created.body()).isTrue();
        assertThat(scheduledPoll.get("options")).extracting(JsonNode::asText).containsExactly("x", "y");
        assertThat(scheduledPoll.get("expires_in").asLong()).isEqualTo(3600);
        String id = created.json().get("id").asText();

        clock.advance(Duration.ofMinutes(31));
        Await.until(() -> alice.get("/api/v1/scheduled_statuses/" + id).status() == 404);
        JsonNode statuses = alice.get("/api/v1/accounts/" + aliceId + "/statuses").json();
        JsonNode posted = null;
        for (JsonNode st : statuses) {
            if (st.get("content").asText().contains("Scheduled poll")) {
                posted = st;
            }
        }
        assertThat(posted).as(statuses.toString()).isNotNull();
        assertThat(posted.get("poll").get("options").findValuesAsText("title")).containsExactly("x", "y");
        assertThat(posted.get("application").get("name").asText()).isEqualTo("Test client");
    }
}
