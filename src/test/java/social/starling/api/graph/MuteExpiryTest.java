package social.starling.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.graph.Graph.ids;
import static social.starling.api.graph.Graph.ok;
import static social.starling.db.schema.Tables.FEED_ENTRIES;
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

/**
 * A mute with a duration stops applying when it runs out (in the mutes list and in fan-out), and the recurring job
 * deletes it.
 */
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

    @Test
    void fanOutSkipsAMutedAuthorUntilTheMuteRunsOut() {
        server.fixtures().account("carol");
        server.fixtures().account("dan");
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        HttpTester carol = client.as("carol", "read write follow");
        HttpTester dan = client.as("dan", "read write follow");
        long carolId = Long.parseLong(Graph.id(carol));
        String danId = Graph.id(dan);
        ok(carol.post("/api/v1/accounts/" + danId + "/follow"));
        ok(carol.postJson("/api/v1/accounts/" + danId + "/mute", "{\"duration\": 60}"));

        long whileMuted = posted(dan, "while muted");
        server.awaitDistributed();
        assertThat(inFeed(carolId, whileMuted)).as("fan-out skips an author muted until later").isFalse();

        clock.advance(Duration.ofSeconds(61));
        long afterwards = posted(dan, "after the mute");
        server.awaitDistributed();
        assertThat(inFeed(carolId, afterwards)).as("a mute that ran out no longer keeps a status out").isTrue();
    }

    private static long posted(HttpTester author, String text) {
        return Long.parseLong(ok(author.postJson("/api/v1/statuses", "{\"status\": \"" + text + "\"}")).json()
                .get("id").asText());
    }

    private static boolean inFeed(long accountId, long statusId) {
        return server.app().core().db().read(tx -> TestSql.dsl(tx).fetchExists(FEED_ENTRIES,
                FEED_ENTRIES.ACCOUNT_ID.eq(accountId).and(FEED_ENTRIES.STATUS_ID.eq(statusId))));
    }
}
