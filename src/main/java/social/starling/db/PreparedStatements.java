package social.starling.db;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared statements kept open per physical connection, for the few hot statements whose SQL text is stable
 * ({@link RenderedOnce}): SQLite compiles a statement each time it is prepared, which for the home timeline's two
 * statements cost about half as much as running them. A connection's statements are used only by the thread that
 * holds the connection (the pool hands it to one at a time); the map of connections holds them weakly, so a
 * connection the pool closes takes its statements with it.
 */
final class PreparedStatements {
    /** Statements kept per connection: the hot shapes (paging bounds, IN-list sizes up to a page or two). */
    static final int PER_CONNECTION = 128;

    private final Cache<Connection, Map<String, PreparedStatement>> byConnection =
            Caffeine.newBuilder().weakKeys().build();

    /** The connection's open statement for {@code sql}, prepared the first time. */
    PreparedStatement get(Connection physical, String sql) throws SQLException {
        Map<String, PreparedStatement> statements = byConnection.get(physical, c -> new Lru());
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Drops a statement whose use failed, so the next use prepares it afresh. */
    void discard(Connection physical, String sql) {
        Map<String, PreparedStatement> statements = byConnection.getIfPresent(physical);
        PreparedStatement statement = statements == null ? null : statements.remove(sql);
        closeQuietly(statement);
    }

    private static void closeQuietly(PreparedStatement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection is gone or the statement already closed: nothing to release
            }
        }
    }

    /** Least recently used statements are closed beyond {@link #PER_CONNECTION}. */
    private static final class Lru extends LinkedHashMap<String, PreparedStatement> {
        Lru() {
            super(32, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= PER_CONNECTION) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    }
}
