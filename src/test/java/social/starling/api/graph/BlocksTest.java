package social.starling.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.graph.Graph.follow;
import static social.starling.api.graph.Graph.homeIds;
import static social.starling.api.graph.Graph.ids;
import static social.starling.api.graph.Graph.link;
import static social.starling.api.graph.Graph.ok;
import static social.starling.api.graph.Graph.post;
import static social.starling.db.schema.Tables.NOTIFICATIONS;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Blocking and the blocks list, through HTTP. */
class BlocksTest {
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
    void blockEndsFollowsBothWaysCleansFeedsAndNotifications() {
        HttpTester alice = as("alice");
        HttpTester bob = as("bob");
        String aliceId = Graph.id(alice);
        String bobId = Graph.id(bob);
        follow(alice, bobId);
        follow(bob, aliceId);
        String bobPost = post(bob, "from bob", "public");
        String alicePost = post(alice, "from alice", "public");
        Await.until(() -> homeIds(alice).contains(bobPost) && homeIds(bob).contains(alicePost));
        assertThat(notificationsFrom(aliceId, bobId)).isPositive();

        HttpResult blocked = ok(alice.post("/api/v1/accounts/" + bobId + "/block"));
        JsonNode rel = blocked.json();
        assertThat(rel.get("id").asText()).isEqualTo(bobId);
        assertThat(rel.get("blocking").asBoolean()).isTrue();
        assertThat(rel.get("following").asBoolean()).isFalse();
        assertThat(rel.get("followed_by").asBoolean()).isFalse();

        JsonNode a = alice.get("/api/v1/accounts/" + aliceId).json();
        JsonNode b = alice.get("/api/v1/accounts/" + bobId).json();
        assertThat(a.get("following_count").asInt()).isZero();
        assertThat(a.get("followers_count").asInt()).isZero();
        assertThat(b.get("following_count").asInt()).isZero();
        assertThat(b.get("followers_count").asInt()).isZero();

        assertThat(homeIds(alice)).doesNotContain(bobPost).contains(alicePost);
        assertThat(homeIds(bob)).doesNotContain(alicePost).contains(bobPost);
        assertThat(notificationsFrom(aliceId, bobId)).isZero();

        // The blocked side sees the block; neither may follow the other again.
        assertThat(server.app().graph().relationships().of(Long.parseLong(bobId), Long.parseLong(aliceId)).blockedBy())
                .isTrue();
        assertThat(bob.post("/api/v1/accounts/" + aliceId + "/follow").status()).isEqualTo(403);
        assertThat(alice.post("/api/v1/accounts/" + bobId + "/follow").status()).isEqualTo(403);

        // Blocking again is harmless; unblocking lifts the block and nothing else.
        ok(alice.post("/api/v1/accounts/" + bobId + "/block"));
        JsonNode lifted = ok(alice.post("/api/v1/accounts/" + bobId + "/unblock")).json();
        assertThat(lifted.get("blocking").asBoolean()).isFalse();
        assertThat(lifted.get("following").asBoolean()).isFalse();
        ok(alice.post("/api/v1/accounts/" + bobId + "/unblock"));
    }

    @Test
    void blockWithdrawsAndRejectsPendingRequests() {
        HttpTester carol = as("carol");
        HttpTester dave = as("dave");
        String carolId = Graph.id(carol);
        String daveId = Graph.id(dave);
        ok(carol.patchJson("/api/v1/accounts/update_credentials", "{\"locked\": true}"));
        ok(dave.patchJson("/api/v1/accounts/update_credentials", "{\"locked\": true}"));
        assertThat(ok(carol.post("/api/v1/accounts/" + daveId + "/follow")).json().get("requested").asBoolean())
                .isTrue();
        follow(dave, carolId);
        assertThat(ids(dave.get("/api/v1/follow_requests"))).containsExactly(carolId);
        assertThat(ids(carol.get("/api/v1/follow_requests"))).containsExactly(daveId);

        JsonNode rel = ok(dave.post("/api/v1/accounts/" + carolId + "/block")).json();
        assertThat(rel.get("requested").asBoolean()).isFalse();
        assertThat(rel.get("requested_by").asBoolean()).isFalse();
        assertThat(ids(dave.get("/api/v1/follow_requests"))).isEmpty();
        assertThat(ids(carol.get("/api/v1/follow_requests"))).isEmpty();
    }

    @Test
    void errors() {
        HttpTester erin = as("erin");
        String erinId = Graph.id(erin);
        HttpResult self = erin.post("/api/v1/accounts/" + erinId + "/block");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("error").asText()).isEqualTo("This action is not allowed");
        assertThat(erin.post("/api/v1/accounts/999999999/block").status()).isEqualTo(404);
        assertThat(erin.post("/api/v1/accounts/nope/block").status()).isEqualTo(404);
        assertThat(erin.post("/api/v1/accounts/999999999/unblock").status()).isEqualTo(404);
        assertThat(server.http().post("/api/v1/accounts/" + erinId + "/block").status()).isEqualTo(401);
        HttpTester readOnly = client.as("erin", "read");
        server.fixtures().account("frank");
        String frankId = Graph.id(client.as("frank", "read"));
        assertThat(readOnly.post("/api/v1/accounts/" + frankId + "/block").status()).isEqualTo(403);
        assertThat(readOnly.get("/api/v1/blocks").status()).isEqualTo(200);
        assertThat(client.as("erin", "write:blocks").post("/api/v1/accounts/" + frankId + "/block").status())
                .isEqualTo(200);
        assertThat(client.as("erin", "write:blocks").get("/api/v1/blocks").status()).isEqualTo(403);
    }

    @Test
    void blocksListIsPagedByBlockIdWithLinks() {
        HttpTester gina = as("gina");
        List<String> targets = List.of(Graph.id(as("b1")), Graph.id(as("b2")), Graph.id(as("b3")));
        for (String t : targets) {
            ok(gina.post("/api/v1/accounts/" + t + "/block"));
        }
        HttpResult first = gina.get("/api/v1/blocks?limit=2");
        assertThat(ids(first)).containsExactly(targets.get(2), targets.get(1));
        String next = link(first, "next");
        assertThat(next).contains("/api/v1/blocks?").contains("limit=2").contains("max_id=");
        HttpResult second = gina.get(next);
        assertThat(ids(second)).containsExactly(targets.get(0));
        HttpResult back = gina.get(link(second, "prev"));
        assertThat(ids(back)).containsExactly(targets.get(2), targets.get(1));
        assertThat(ids(gina.get(link(first, "prev")))).isEmpty();
    }

    private static int notificationsFrom(String recipient, String from) {
        return server.app().core().db().read(tx -> TestSql.dsl(tx).fetchCount(NOTIFICATIONS,
                NOTIFICATIONS.ACCOUNT_ID.eq(Long.parseLong(recipient))
                        .and(NOTIFICATIONS.FROM_ACCOUNT_ID.eq(Long.parseLong(from)))));
    }
}
