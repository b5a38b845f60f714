package social.starling.api.activitypub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.MutableClock;
import social.starling.testing.TestApp;

/**
 * Remote accounts are refetched once their copy is a day old: at once by a lookup or a resolving search, in the
 * background (a PULL-lane job) when the account is shown. Searches take Rails' booleans for {@code resolve}.
 */
class StaleRemoteAccountTest {
    private static final MutableClock clock = MutableClock.startingNow();
    private static TestApp server;
    private static FakeRemoteActor remote;
    private static FakeRemoteActor other;
    private static HttpTester alice;

    @BeforeAll
    static void start() throws Exception {
        server = TestApp.create().withClock(clock).with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");
        server.start();
        server.fixtures().account("alice");
        alice = ApiClient.register(server.http(), "read write follow").as("alice", "read write follow");
        remote = new FakeRemoteActor("rita");
        other = new FakeRemoteActor("otto");
    }

    @AfterAll
    static void stop() {
        remote.close();
        other.close();
        server.stop();
    }

    @Test
    void resolveTakesRailsBooleans() {
        HttpResult capitalised = alice.get("/api/v2/search?type=accounts&resolve=True&q=rita@" + remote.authority());
        assertThat(capitalised.json().get("accounts")).hasSize(1);
        HttpResult one = alice.get("/api/v2/search?type=accounts&resolve=1&q=otto@" + other.authority());
        assertThat(one.json().get("accounts")).hasSize(1);
        assertThat(one.json().at("/accounts/0/acct").asText()).isEqualTo("otto@" + other.authority());
        // resolve=false does not reach out: an unknown handle stays unknown.
        assertThat(alice.get("/api/v2/search?type=accounts&resolve=false&q=nobody@" + other.authority())
                .json().get("accounts")).isEmpty();
    }

    @Test
    void aStaleAccountIsRefetched() {
        String acct = "rita@" + remote.authority();
        remote.name = "Rita";
        assertThat(alice.get("/api/v1/accounts/lookup?acct=" + acct).json().get("display_name").asText())
                .isIn("Rita", ""); // resolved now, or by the other test a moment ago
        int fetches = remote.actorFetches.get();

        remote.name = "Rita Renamed";
        // Fresh: answered from the database.
        HttpResult fresh = alice.get("/api/v1/accounts/lookup?acct=" + acct);
        assertThat(remote.actorFetches.get()).isEqualTo(fetches);
        String id = fresh.json().get("id").asText();

        clock.advance(Duration.ofDays(2));
        HttpResult stale = alice.get("/api/v1/accounts/lookup?acct=" + acct);
        assertThat(stale.json().get("display_name").asText()).isEqualTo("Rita Renamed");
        assertThat(remote.actorFetches.get()).isEqualTo(fetches + 1);

        // Shown when stale: answered as stored, refreshed by a job.
        remote.name = "Rita Again";
        clock.advance(Duration.ofDays(2));
        HttpResult shown = alice.get("/api/v1/accounts/" + id);
        assertThat(shown.json().get("display_name").asText()).isEqualTo("Rita Renamed");
        alice.get("/api/v1/accounts/" + id);
        Await.until(() -> alice.get("/api/v1/accounts/" + id).json().get("display_name").asText()
                .equals("Rita Again"));
        assertThat(remote.actorFetches.get()).isEqualTo(fetches + 2);
    }
}
