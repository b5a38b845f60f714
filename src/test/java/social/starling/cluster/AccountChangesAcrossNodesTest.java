package social.starling.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.App;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Cluster;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;

/**
 * Two nodes of one server on one PostgreSQL database and one Redis: a change made through one node shows on the
 * other at once, though the other has the old account cached (accounts for 10 s, callers for a minute). Each
 * check first warms the other node's cache, so without the event bus it would fail.
 */
class AccountChangesAcrossNodesTest {
    /** Far below the caches' lifetimes: time for Redis to carry the event, not for a cache to expire. */
    static final Duration AT_ONCE = Duration.ofSeconds(2);

    @RegisterExtension
    static Cluster cluster = Cluster.of(2);

    static ApiClient clientOnA;

    @BeforeAll
    static void accounts() {
        cluster.node(0).fixtures().account("alice");
        cluster.node(0).fixtures().account("bob");
        clientOnA = ApiClient.register(cluster.node(0).http(), "read write");
    }

    @Test
    void aRenameThroughOneNodeShowsInStatusesServedByTheOther() {
        HttpTester aliceOnA = clientOnA.as("alice", "read write");
        HttpResult posted = aliceOnA.postJson("/api/v1/statuses", """
                {"status": "Hello from node A"}""");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        String path = "/api/v1/statuses/" + posted.json().get("id").asText();
        HttpTester b = cluster.node(1).http();

        HttpResult before = b.get(path); // node B now has alice's account cached
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.json().at("/account/display_name").asText()).isNotEqualTo("Alice on A");

        HttpResult renamed = aliceOnA.patchJson("/api/v1/accounts/update_credentials", """
                {"display_name": "Alice on A"}""");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);

        Await.until(AT_ONCE, () -> b.get(path).json().at("/account/display_name").asText().equals("Alice on A"));
    }

    @Test
    void aLoginDisabledThroughOneNodeIsRefusedByTheOther() {
        long bob = cluster.node(0).fixtures().account("bob").id();
        String token = clientOnA.login("bob", Fixtures.PASSWORD, "read write");
        // A first use records "last active" (and a node forgets the caller it has just read, to see the new time):
        // let that happen through A, so that B's read below stays in B's cache.
        assertThat(cluster.node(0).http().withToken(token).get("/api/v1/accounts/verify_credentials").status())
                .isEqualTo(200);
        App a = cluster.node(0).app();
        Await.until(() -> a.core().db().read(tx -> a.repos().users().find(tx, bob).orElseThrow().lastActiveAt() != null));
        HttpTester bobOnB = cluster.node(1).http().withToken(token);
        assertThat(bobOnB.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200); // cached on B

        var accounts = cluster.node(0).app().accounts();
        accounts.admin().disable(accounts.instanceActor().ensure().id(), "bob");

        Await.until(AT_ONCE, () -> bobOnB.get("/api/v1/accounts/verify_credentials").status() == 403);
    }
}
