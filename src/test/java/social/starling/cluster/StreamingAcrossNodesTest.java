package social.starling.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Cluster;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpResult;
import social.starling.testing.StreamClient;

/**
 * Two nodes on one PostgreSQL and one Redis: a socket open on node B hears what was done through node A (a post,
 * its deletion, a notification), carried by the event bus.
 */
class StreamingAcrossNodesTest {
    @RegisterExtension
    static Cluster cluster = Cluster.of(2);

    static ApiClient client;

    @BeforeAll
    static void accounts() {
        cluster.node(0).fixtures().account("alice");
        cluster.node(0).fixtures().account("bob");
        client = ApiClient.register(cluster.node(0).http(), "read write follow");
    }

    @Test
    void aSocketOnNodeBHearsAPostMadeThroughNodeA() {
        String alice = client.login("alice", Fixtures.PASSWORD, "read write follow");
        String bob = client.login("bob", Fixtures.PASSWORD, "read write follow");
        var aliceOnA = cluster.node(0).http().withToken(alice);
        var bobOnA = cluster.node(0).http().withToken(bob);
        long bobId = cluster.node(0).fixtures().account("bob").id();
        assertThat(aliceOnA.post("/api/v1/accounts/" + bobId + "/follow").status()).isEqualTo(200);

        try (StreamClient onB = StreamClient.socket(cluster.node(1).http().baseUrl(), alice, "stream=user")) {
            onB.send("{\"type\": \"subscribe\", \"stream\": \"public:local\"}");
            HttpResult posted = bobOnA.postJson("/api/v1/statuses", "{\"status\": \"from node A\"}");
            assertThat(posted.status()).as(posted.body()).isEqualTo(200);
            String id = posted.json().get("id").asText();
            StreamClient.Message first = onB.nextEvent("update");
            StreamClient.Message second = onB.nextEvent("update");
            assertThat(first.json().get("id").asText()).isEqualTo(id);
            assertThat(second.json().get("id").asText()).isEqualTo(id);
            assertThat(first.json().get("content").asText()).contains("from node A");

            HttpResult mine = aliceOnA.postJson("/api/v1/statuses", "{\"status\": \"mine\"}");
            String mineId = mine.json().get("id").asText();
            assertThat(bobOnA.post("/api/v1/statuses/" + mineId + "/favourite").status()).isEqualTo(200);
            assertThat(onB.nextEvent("notification").json().at("/status/id").asText()).isEqualTo(mineId);

            assertThat(bobOnA.delete("/api/v1/statuses/" + id).status()).isEqualTo(200);
            assertThat(onB.nextEvent("delete").payload()).isEqualTo(id);
        }
    }
}
