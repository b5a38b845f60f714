package social.starling.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import social.starling.App;
import social.starling.config.ConfigLoader;

/**
 * Several nodes of one server, as an admin runs them to scale out: real {@link App}s in this JVM, each on its own
 * port, data directory and node id, sharing one PostgreSQL schema, one Redis and one domain. Register it with
 * {@code @RegisterExtension static Cluster cluster = Cluster.of(2);}. It needs PostgreSQL and Redis: without
 * {@code STARLING_TEST_REDIS_URL}, or without PostgreSQL ({@code STARLING_TEST_PG_URL} or the PostgreSQL pass),
 * the test class is skipped.
 */
public final class Cluster implements BeforeAllCallback, AfterAllCallback {
    /** One node: its app and a client that talks to its own port. */
    public record Node(App app, HttpTester http, Fixtures fixtures) {
    }

    private final int size;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();
    private String pgUrl;

    private Cluster(int size) {
        this.size = size;
    }

    public static Cluster of(int nodes) {
        return new Cluster(nodes);
    }

    public static Optional<String> redisUrl() {
        return Optional.ofNullable(System.getenv("STARLING_TEST_REDIS_URL")).filter(s -> !s.isBlank());
    }

    /** Whether PostgreSQL and Redis for tests are both named. */
    public static boolean available() {
        return redisUrl().isPresent() && (TestDatabase.postgres() || System.getenv("STARLING_TEST_PG_URL") != null);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assumeTrue(available(), "several nodes need PostgreSQL and Redis: set STARLING_TEST_PG_URL (or "
                + "STARLING_TEST_DB=postgres) and STARLING_TEST_REDIS_URL");
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() throws IOException {
        pgUrl = TestDatabase.newPostgresSchema();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(TestApp.freePort());
        }
        String domain = "localhost:" + ports.getFirst();
        for (int i = 0; i < size; i++) { // one after the other: the first migrates
            Path dir = Files.createTempDirectory("starling-node" + i);
            dirs.add(dir);
            Map<String, String> vars = new HashMap<>();
            vars.put("STARLING_DATA_DIR", dir.toString());
            vars.put("STARLING_PORT", Integer.toString(ports.get(i)));
            vars.put("STARLING_DOMAIN", domain);
            vars.put("STARLING_DATABASE_URL", pgUrl);
            vars.put("STARLING_DATABASE_POOL_SIZE", "4");
            vars.put("STARLING_REDIS_URL", redisUrl().orElseThrow());
            vars.put("STARLING_NODE_ID", Integer.toString(i + 1));
            vars.put("STARLING_JOBS_POLL_MILLIS", "100");
            vars.put("STARLING_SHUTDOWN_GRACE_SECONDS", "5");
            App app = new App(ConfigLoader.load(vars, Optional.empty()), Clock.systemUTC());
            app.start();
            nodes.add(new Node(app, new HttpTester("http://localhost:" + ports.get(i)), new Fixtures(app)));
        }
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    private void stop() {
        nodes.forEach(n -> n.app().close());
        nodes.clear();
        if (pgUrl != null) {
            TestDatabase.dropPostgresSchema(pgUrl);
            pgUrl = null;
        }
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp files; the OS cleans up
            }
        }
        dirs.clear();
    }
}
