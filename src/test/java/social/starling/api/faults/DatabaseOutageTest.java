package social.starling.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TcpProxy;
import social.starling.testing.TestApp;
import social.starling.testing.TestDatabase;

/**
 * PostgreSQL cut off behind a TCP proxy while the server runs: requests that need the database answer 503 with
 * {@code Retry-After} and a JSON error quickly (the pool waits 1 s for a connection, not 10), {@code /readyz}
 * turns 503, a post refused during the outage is not stored, and service resumes by itself once the database is
 * back. The latencies are printed for the record; the assertion on them is loose (a few seconds, against the 10 s
 * pool wait it replaces), as timings on a shared machine vary.
 */
class DatabaseOutageTest {
    private static TcpProxy proxy;
    private static TestApp app;
    private static String schemaUrl;
    private static HttpTester alice;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgres(), "the outage is cut through a TCP proxy to PostgreSQL");
        schemaUrl = TestDatabase.newPostgresSchema();
        URI uri = URI.create(schemaUrl.substring("jdbc:".length()));
        proxy = new TcpProxy(uri.getHost(), uri.getPort());
        String proxied = schemaUrl.replace("//" + uri.getHost() + ":" + uri.getPort() + "/",
                "//127.0.0.1:" + proxy.port() + "/");
        app = TestApp.create().with("STARLING_DATABASE_URL", proxied).with("STARLING_DATABASE_POOL_SIZE", "4");
        app.start();
        app.fixtures().account("alice");
        alice = ApiClient.register(app.http(), "read write").as("alice", "read write");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (schemaUrl != null) {
            TestDatabase.dropPostgresSchema(schemaUrl);
        }
    }

    @Test
    void anOutageAnswers503FastAndServiceResumesWhenTheDatabaseIsBack() {
        assertThat(alice.postJson("/api/v1/statuses", "{\"status\": \"before\"}").status()).isEqualTo(200);
        proxy.cut();
        List<String> timeline = new ArrayList<>();
        long cutAt = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            for (String path : new String[]{"/api/v1/timelines/home", "/api/v1/timelines/public"}) {
                long t0 = System.nanoTime();
                HttpResult r = alice.get(path);
                long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
                timeline.add(String.format("%+5d ms GET %s → %d in %d ms", since(cutAt), path, r.status(), ms));
                assertThat(r.status()).as(path + " " + r.body()).isEqualTo(503);
                assertThat(r.header("Retry-After")).isPresent();
                assertThat(r.json().get("error").asText()).contains("database is unavailable");
                assertThat(ms).as("answered quickly").isLessThan(5_000);
            }
        }
        long t0 = System.nanoTime();
        HttpResult post = alice.postJson("/api/v1/statuses", "{\"status\": \"during the outage\"}");
        timeline.add(String.format("%+5d ms POST /api/v1/statuses → %d in %d ms", since(cutAt), post.status(),
                Duration.ofNanos(System.nanoTime() - t0).toMillis()));
        assertThat(post.status()).isEqualTo(503);
        t0 = System.nanoTime();
        HttpResult ready = app.http().get("/readyz");
        timeline.add(String.format("%+5d ms GET /readyz → %d in %d ms", since(cutAt), ready.status(),
                Duration.ofNanos(System.nanoTime() - t0).toMillis()));
        assertThat(ready.status()).isEqualTo(503);

        proxy.restore();
        long restoredAt = System.nanoTime();
        Await.until(Duration.ofSeconds(20), () -> app.http().get("/readyz").status() == 200);
        timeline.add(String.format("restored: /readyz 200 %d ms after the database came back",
                Duration.ofNanos(System.nanoTime() - restoredAt).toMillis()));
        Await.until(Duration.ofSeconds(20), () -> alice.get("/api/v1/timelines/home").status() == 200);
        timeline.add(String.format("restored: home timeline 200 %d ms after the database came back",
                Duration.ofNanos(System.nanoTime() - restoredAt).toMillis()));
        timeline.forEach(System.out::println);

        HttpResult home = alice.get("/api/v1/timelines/home");
        assertThat(home.body()).contains("before").doesNotContain("during the outage");
        assertThat(alice.postJson("/api/v1/statuses", "{\"status\": \"after\"}").status()).isEqualTo(200);
    }

    private static long since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

}
