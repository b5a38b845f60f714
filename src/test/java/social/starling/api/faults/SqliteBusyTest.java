package social.starling.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;
import social.starling.testing.TestDatabase;

/**
 * SQLite's equivalent of an outage: another process holds the database's write lock longer than the busy timeout.
 * A write then answers 503 with Retry-After (SQLITE_BUSY, translated where every database error is), not a 500, and
 * nothing half-written remains; once the lock is gone, writing works again (a connection whose BEGIN failed is not
 * handed out again).
 */
class SqliteBusyTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    static HttpTester alice;

    @BeforeAll
    static void setUp() {
        Assumptions.assumeFalse(TestDatabase.postgres(), "SQLite's write lock");
        app.fixtures().account("alice");
        alice = ApiClient.register(app.http(), "read write").as("alice", "read write");
    }

    @Test
    void aWriteLockHeldElsewhereIsA503() throws Exception {
        String url = app.app().config().database().url();
        try (Connection other = DriverManager.getConnection(url); Statement s = other.createStatement()) {
            // Waits for a write of the server's that is in flight (a job of the sign-up finishing), then holds the lock.
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("BEGIN EXCLUSIVE");
            // Longer than the busy timeout: the job runner's own transactions fail to begin meanwhile, which must
            // not leave the writer connection unusable for what comes after.
            Thread.sleep(5_500);
            HttpResult post = alice.postJson("/api/v1/statuses", "{\"status\": \"while locked\"}");
            assertThat(post.status()).as(post.body()).isEqualTo(503);
            assertThat(post.header("Retry-After")).isPresent();
            assertThat(post.json().get("error").asText()).contains("database is unavailable");
            s.execute("ROLLBACK");
        }
        for (String text : new String[]{"after", "and after"}) {
            HttpResult r = alice.postJson("/api/v1/statuses", "{\"status\": \"" + text + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        assertThat(alice.get("/api/v1/timelines/home").body()).contains("after").doesNotContain("while locked");
    }
}
