package social.starling.testing;

import java.io.IOException;
import java.net.ServerSocket;
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
import social.starling.api.Routes;
import social.starling.config.Config;
import social.starling.config.ConfigLoader;
import social.starling.db.TestSql;

/**
 * The real server for a test class, on a random port, against a temporary SQLite file or a fresh PostgreSQL schema
 * (see {@link TestDatabase}). Register it with {@code @RegisterExtension static TestApp app = TestApp.create();}.
 */
public final class TestApp implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> env = new HashMap<>();
    private final List<Routes> extraRoutes = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private App app;
    private Path dir;
    private String pgUrl;
    private HttpTester http;
    private Fixtures fixtures;

    private TestApp() {
        env.put("STARLING_JOBS_POLL_MILLIS", "100");
        env.put("STARLING_SHUTDOWN_GRACE_SECONDS", "5");
        // Tests make many requests with one token in seconds; RateLimitsTest turns the API limits on itself.
        env.put("STARLING_API_RATE_LIMIT", "0");
        env.put("STARLING_API_RATE_LIMIT_ANONYMOUS", "0");
    }

    public static TestApp create() {
        return new TestApp();
    }

    /** Sets a configuration variable, e.g. {@code with("STARLING_REGISTRATIONS", "approval")}. */
    public TestApp with(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    public TestApp withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public TestApp withRoutes(Routes routes) {
        extraRoutes.add(routes);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public void start() throws IOException {
        dir = Files.createTempDirectory("starling-test");
        int port = freePort();
        Map<String, String> vars = new HashMap<>(env);
        vars.putIfAbsent("STARLING_DATA_DIR", dir.toString());
        vars.put("STARLING_PORT", Integer.toString(port));
        vars.putIfAbsent("STARLING_DOMAIN", "localhost:" + port);
        if (TestDatabase.postgres() && !env.containsKey("STARLING_DATABASE_URL")) {
            pgUrl = TestDatabase.newPostgresSchema();
            vars.put("STARLING_DATABASE_URL", pgUrl);
            vars.putIfAbsent("STARLING_DATABASE_POOL_SIZE", "8");
        }
        Config config = ConfigLoader.load(vars, Optional.empty());
        app = new App(config, clock, extraRoutes);
        app.start();
        http = new HttpTester(config.server().baseUrl());
        fixtures = new Fixtures(app);
    }

    public void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
        if (pgUrl != null) {
            TestDatabase.dropPostgresSchema(pgUrl);
            pgUrl = null;
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp files; the OS cleans up
            }
        }
    }

    public App app() {
        return app;
    }

    public HttpTester http() {
        return http;
    }

    public Fixtures fixtures() {
        return fixtures;
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    /**
     * Waits until every posted status has been distributed (no {@code status.distribute} job left): each status
     * is fanned out by its own job, in any order, so waiting for the last one seen is not enough.
     */
    public void awaitDistributed() {
        Await.until(() -> app.core().db().read(tx -> TestSql.dsl(tx).fetchCount(social.starling.db.schema.Tables.JOBS,
                social.starling.db.schema.Tables.JOBS.KIND.eq("status.distribute"))) == 0);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
