package social.starling.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.graph.Graph.ids;
import static social.starling.api.graph.Graph.ok;
import static social.starling.db.schema.Tables.MUTES;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpTester;
import social.starling.testing.MutableClock;
import social.starling.testing.TestApp;

/** A mute with a duration stops applying when it runs out, and the recurring job deletes it. */
class MuteExpiryTest {
    static final MutableClock clock = MutableClock.startingNow();

    @RegisterExtension
    static TestApp server = TestApp.create().withClock(clock);

    @Test
    void timedMuteRunsOut() {
        server.fixtures().account("alice");
        server.fixtures().account("bob");
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        HttpTester alice = client.as("alice", "read write follow");
        String bobId = Graph.id(client.as("bob", "read"));

        assertThat(ok(alice.postJson("/api/v1/accounts/" + bobId + "/mute", "{\"duration\": 60}")).json()
                .get("muting").asBoolean()).isTrue();
        assertThat(ids(alice.get("/api/v1/mutes"))).containsExactly(bobId);

        clock.advance(Duration.ofSeconds(61));
        assertThat(ids(alice.get("/api/v1/mutes"))).isEmpty();
        assertThat(server.app().graph().relationships().of(Long.parseLong(Graph.id(alice)), Long.parseLong(bobId))
                .muting()).isFalse();

        // The recurring clean-up (every five minutes of the clock) deletes the row.
        clock.advance(Duration.ofMinutes(6));
        Await.until(() -> server.app().core().db().read(tx -> TestSql.dsl(tx).fetchCount(MUTES)) == 0);
    }
}
