package social.starling.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import social.starling.Main;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;
import social.starling.testing.TestDatabase;

/**
 * A real Starling process killed with SIGKILL right after its members posted, while the fan-out of their posts is
 * under way, then started again on the same database: the restarted process takes back at once the jobs its dead
 * predecessor had claimed (same node, new process), so every acknowledged post is in every follower's home within
 * seconds, not after a lease runs out.
 */
class KillDuringFanOutTest {
    private static final String PASSWORD = "a fine test password";
    private static final int FOLLOWERS = 8;
    private static final int POSTS = 40;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private String pgUrl;

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (pgUrl != null) {
            TestDatabase.dropPostgresSchema(pgUrl);
        }
    }

    @Test
    void everyAcknowledgedPostReachesEveryFollowerAfterAKillAndARestart() throws Exception {
        int port = TestApp.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("STARLING_DATA_DIR", dir.toString());
        env.put("STARLING_PORT", Integer.toString(port));
        env.put("STARLING_DOMAIN", "localhost:" + port);
        env.put("STARLING_NODE_ID", "5");
        env.put("STARLING_JOBS_POLL_MILLIS", "100");
        env.put("STARLING_API_RATE_LIMIT", "0");
        env.put("STARLING_API_RATE_LIMIT_ANONYMOUS", "0");
        if (TestDatabase.postgres()) {
            pgUrl = TestDatabase.newPostgresSchema();
            env.put("STARLING_DATABASE_URL", pgUrl);
        }
        cli(env, "migrate");
        cli(env, "admin", "create-account", "--username", "author", "--email", "author@example.test",
                "--password", PASSWORD);
        for (int i = 0; i < FOLLOWERS; i++) {
            cli(env, "admin", "create-account", "--username", "f" + i, "--email", "f" + i + "@example.test",
                    "--password", PASSWORD);
        }

        start(env, port);
        HttpTester http = new HttpTester("http://localhost:" + port);
        ApiClient client = ApiClient.register(http, "read write follow");
        HttpTester author = http.withToken(client.login("author", PASSWORD, "read write follow"));
        String authorId = author.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
        List<HttpTester> followers = new ArrayList<>();
        for (int i = 0; i < FOLLOWERS; i++) {
            HttpTester f = http.withToken(client.login("f" + i, PASSWORD, "read write follow"));
            assertThat(f.post("/api/v1/accounts/" + authorId + "/follow").status()).isEqualTo(200);
            followers.add(f);
        }

        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            var r = author.postJson("/api/v1/statuses", "{\"status\": \"post " + i + "\"}");
            assertThat(r.status()).isEqualTo(200);
            acknowledged.add(r.json().get("id").asText());
        }
        Process first = processes.getFirst();
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no hand-back of claimed jobs
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();

        start(env, port);
        long restarted = System.nanoTime();
        Await.until(Duration.ofSeconds(15), () -> followers.stream().allMatch(f -> home(f).containsAll(acknowledged)));
        System.out.printf("all %d posts in all %d homes %d ms after the restart was ready%n", POSTS, FOLLOWERS,
                Duration.ofNanos(System.nanoTime() - restarted).toMillis());
    }

    private static List<String> home(HttpTester viewer) {
        List<String> ids = new ArrayList<>();
        String path = "/api/v1/timelines/home?limit=40";
        for (int page = 0; page < 3; page++) {
            JsonNode statuses = viewer.get(path).json();
            if (statuses.isEmpty()) {
                break;
            }
            statuses.forEach(s -> ids.add(s.get("id").asText()));
            path = "/api/v1/timelines/home?limit=40&max_id=" + statuses.get(statuses.size() - 1).get("id").asText();
        }
        return ids;
    }

    private static void cli(Map<String, String> env, String... args) {
        StringWriter err = new StringWriter();
        int exit = Main.run(args, env, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(exit).as(String.join(" ", args) + ": " + err).isZero();
    }

    /** Starts {@code starling serve} in a child JVM on this test's class path and waits until it is ready. */
    private void start(Map<String, String> env, int port) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xss512k",
                "-cp", System.getProperty("java.class.path"), "social.starling.Main", "serve")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Files.createDirectories(Path.of("target"))
                        .resolve("kill-during-fanout.log").toFile()));
        pb.environment().putAll(env);
        Process process = pb.start();
        processes.addFirst(process);
        HttpTester http = new HttpTester("http://localhost:" + port);
        Await.until(Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the server process ended; see target/kill-during-fanout.log");
            }
            try {
                return http.get("/readyz").status() == 200;
            } catch (AssertionError e) {
                return false; // not listening yet
            }
        });
    }
}
