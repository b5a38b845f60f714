package social.starling.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database a test class runs against: a fresh SQLite file, or, when {@code starling.test.db=postgres} (or
 * {@code STARLING_TEST_DB=postgres}), a fresh schema in the PostgreSQL database named by
 * {@code STARLING_TEST_PG_URL}, so test classes never see each other's rows.
 */
public final class TestDatabase {
    public static final String DEFAULT_PG_URL =
            "jdbc:postgresql://127.0.0.1:5432/starling_test?user=starling&password=starling";

    private TestDatabase() {
    }

    public static boolean postgres() {
        // STARLING_TEST_DB wins, so "STARLING_TEST_DB=postgres ./mvnw test" runs one pass on PostgreSQL.
        String kind = System.getenv().getOrDefault("STARLING_TEST_DB", System.getProperty("starling.test.db", "sqlite"));
        return kind.toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    public static String name() {
        return postgres() ? "PostgreSQL" : "SQLite";
    }

    static String pgBaseUrl() {
        return System.getenv().getOrDefault("STARLING_TEST_PG_URL", DEFAULT_PG_URL);
    }

    /** Creates a new, empty schema and returns a JDBC URL that uses it. */
    public static String newPostgresSchema() {
        String schema = "t_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        exec("CREATE SCHEMA " + schema);
        String base = pgBaseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void dropPostgresSchema(String url) {
        int at = url.indexOf("currentSchema=");
        if (at >= 0) {
            exec("DROP SCHEMA IF EXISTS " + url.substring(at + "currentSchema=".length()) + " CASCADE");
        }
    }

    private static void exec(String sql) {
        try (Connection c = DriverManager.getConnection(pgBaseUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests is not reachable at " + pgBaseUrl()
                    .replaceAll("password=[^&]*", "password=***") + ": " + e.getMessage(), e);
        }
    }
}
