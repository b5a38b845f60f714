package social.starling.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.graph.Graph.follow;
import static social.starling.api.graph.Graph.homeIds;
import static social.starling.api.graph.Graph.ids;
import static social.starling.api.graph.Graph.link;
import static social.starling.api.graph.Graph.ok;
import static social.starling.api.graph.Graph.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Muting, unmuting and the mutes list, through HTTP. */
class MutesTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static ApiClient client;

    @BeforeAll
    static void setUp() {
        client = ApiClient.register(server.http(), "read write follow");
    }

    static HttpTester as(String name) {
        server.fixtures().account(name);
        return client.as(name, "read write follow");
    }

    @Test
    void muteHidesStatusesFromHomeAndUnmuteBringsThemBack() {
        HttpTester alice = as("alice");
        HttpTester bob = as("bob");
        String bobId = Graph.id(bob);
        follow(alice, bobId);
        String bobPost = post(bob, "hello from bob", "public");
        Await.until(() -> homeIds(alice).contains(bobPost));

        HttpResult muted = ok(alice.postJson("/api/v1/accounts/" + bobId + "/mute", "{\"notifications\": false}"));
        Golden.assertMatches("relationship.json", muted.body());
        JsonNode rel = muted.json();
        assertThat(rel.get("following").asBoolean()).isTrue();
        assertThat(rel.get("muting").asBoolean()).isTrue();
        assertThat(rel.get("muting_notifications").asBoolean()).isFalse();
        assertThat(homeIds(alice)).doesNotContain(bobPost);

        // New statuses of a muted account do not reach the feed either.
        String later = post(bob, "still talking", "public");
        String alicePost = post(alice, "marker", "public");
        Await.until(() -> homeIds(alice).contains(alicePost));
        assertThat(homeIds(alice)).doesNotContain(later);

        // Muting again replaces the options; notifications default to hidden.
        assertThat(ok(alice.post("/api/v1/accounts/" + bobId + "/mute")).json().get("muting_notifications")
                .asBoolean()).isTrue();

        JsonNode unmuted = ok(alice.post("/api/v1/accounts/" + bobId + "/unmute")).json();
        assertThat(unmuted.get("muting").asBoolean()).isFalse();
        assertThat(unmuted.get("muting_notifications").asBoolean()).isFalse();
        assertThat(homeIds(alice)).contains(bobPost, later);
    }

    @Test
    void mutesListCarriesExpiryAndPagesByMuteId() {
        HttpTester carol = as("carol");
        List<String> targets = List.of(Graph.id(as("m1")), Graph.id(as("m2")), Graph.id(as("m3")));
        ok(carol.post("/api/v1/accounts/" + targets.get(0) + "/mute"));
        Instant before = Instant.now();
        ok(carol.postForm("/api/v1/accounts/" + targets.get(1) + "/mute",
                java.util.Map.of("duration", "3600", "notifications", "true")));
        ok(carol.postJson("/api/v1/accounts/" + targets.get(2) + "/mute", "{\"duration\": 0}"));

        HttpResult all = ok(carol.get("/api/v1/mutes"));
        assertThat(ids(all)).containsExactly(targets.get(2), targets.get(1), targets.get(0));
        JsonNode list = all.json();
        assertThat(list.get(0).has("mute_expires_at")).isTrue();
        assertThat(list.get(0).get("mute_expires_at").isNull()).isTrue();
        Instant expires = Instant.parse(list.get(1).get("mute_expires_at").asText());
        assertThat(expires).isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofHours(1)));
        assertThat(list.get(1).get("username").asText()).isEqualTo("m2");
        assertThat(list.get(1).get("acct").asText()).isEqualTo("m2");

        HttpResult first = carol.get("/api/v1/mutes?limit=2");
        assertThat(ids(first)).containsExactly(targets.get(2), targets.get(1));
        assertThat(ids(carol.get(link(first, "next")))).containsExactly(targets.get(0));
        assertThat(ids(carol.get("/api/v1/mutes?since_id=" + "0&limit=1"))).containsExactly(targets.get(2));
    }

    @Test
    void errorsStoreNothing() {
        HttpTester dave = as("dave");
        String daveId = Graph.id(dave);
        String erinId = Graph.id(as("erin"));
        HttpResult self = dave.post("/api/v1/accounts/" + daveId + "/mute");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("error").asText()).isEqualTo("This action is not allowed");
        HttpResult negative = dave.postJson("/api/v1/accounts/" + erinId + "/mute", "{\"duration\": -5}");
        assertThat(negative.status()).isEqualTo(422);
        assertThat(dave.postJson("/api/v1/accounts/" + erinId + "/mute", "{\"duration\": \"soon\"}").status())
                .isEqualTo(400);
        assertThat(dave.post("/api/v1/accounts/424242/mute").status()).isEqualTo(404);
        assertThat(dave.post("/api/v1/accounts/424242/unmute").status()).isEqualTo(404);
        assertThat(ids(dave.get("/api/v1/mutes"))).isEmpty();
        assertThat(client.as("dave", "read").post("/api/v1/accounts/" + erinId + "/mute").status()).isEqualTo(403);
        assertThat(client.as("dave", "write:mutes").get("/api/v1/mutes").status()).isEqualTo(403);
        assertThat(client.as("dave", "read:mutes").get("/api/v1/mutes").status()).isEqualTo(200);
    }
}
