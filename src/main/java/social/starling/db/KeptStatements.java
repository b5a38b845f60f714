package social.starling.db;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * SQLite only: the statements jOOQ prepares stay prepared. SQLite compiles a statement each time it is prepared (a
 * tenth of the CPU of posting went there); the JDBC driver keeps nothing, and neither does the pool. {@link #wrap}
 * gives jOOQ a view of the pooled connection whose {@code prepareStatement(sql)} hands out the physical
 * connection's kept statement for that text, and whose statements' {@code close()} clears them for the next use
 * instead of closing them.
 *
 * <p>A kept statement is handed to one user at a time (a second use of the same text while the first is open gets
 * a statement of its own, closed as usual); it is released reset (its result sets closed, its parameters cleared),
 * so it holds no read snapshot. One whose use failed, or whose options were changed (maximum rows, fetch size,
 * time-out...), is closed at release instead. Each physical connection keeps its {@value #PER_CONNECTION} most
 * recently used texts; the connections are held weakly, so one the pool closes takes its statements with it.
 * PostgreSQL's driver keeps its own server-side statements and is not wrapped.
 */
final class KeptStatements {
    /** Statements kept per connection: enough for every shape of a request's statements and a job's. */
    static final int PER_CONNECTION = 64;

    /** Calls that change a statement for its later uses too: such a statement is not kept. */
    private static final Set<String> OPTIONS = Set.of("setMaxRows", "setLargeMaxRows", "setFetchSize",
            "setFetchDirection", "setQueryTimeout", "setMaxFieldSize", "setEscapeProcessing", "setCursorName",
            "setPoolable", "closeOnCompletion", "addBatch");

    private static final Cache<Connection, Map<String, Kept>> BY_CONNECTION = Caffeine.newBuilder().weakKeys().build();

    private KeptStatements() {
    }

    /** The pooled connection as jOOQ should see it. */
    static Connection wrap(Connection pooled) {
        return (Connection) Proxy.newProxyInstance(KeptStatements.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionView(pooled));
    }

    /** Kept statements per connection, for tests: how many the physical connection behind {@code c} holds. */
    static int keptOn(Connection c) throws SQLException {
        Map<String, Kept> kept = BY_CONNECTION.getIfPresent(c.unwrap(Connection.class));
        return kept == null ? 0 : kept.size();
    }

    private static final class ConnectionView implements InvocationHandler {
        private final Connection pooled;
        private Connection physical;

        ConnectionView(Connection pooled) {
            this.pooled = pooled;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("prepareStatement") && args.length == 1) {
                return prepare((String) args[0]);
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "KeptStatements view of " + pooled;
                };
            }
            return call(pooled, method, args);
        }

        private PreparedStatement prepare(String sql) throws SQLException {
            if (physical == null) {
                physical = pooled.unwrap(Connection.class);
            }
            Map<String, Kept> kept = BY_CONNECTION.get(physical, c -> new Lru());
            Kept k = kept.get(sql);
            if (k != null && (k.inUse || k.statement.isClosed())) {
                if (k.inUse) {
                    return pooled.prepareStatement(sql);
                }
                kept.remove(sql);
                k = null;
            }
            if (k == null) {
                k = new Kept(sql, physical.prepareStatement(sql), kept);
                kept.put(sql, k);
            }
            k.inUse = true;
            k.spoiled = false;
            k.results = null;
            return (PreparedStatement) Proxy.newProxyInstance(KeptStatements.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, new StatementView(k));
        }
    }

    /** One kept statement of a connection. Used only by the thread holding that connection. */
    private static final class Kept {
        final String sql;
        final PreparedStatement statement;
        final Map<String, Kept> owner;
        boolean inUse;
        boolean spoiled;
        boolean evicted;
        ResultSet results;

        Kept(String sql, PreparedStatement statement, Map<String, Kept> owner) {
            this.sql = sql;
            this.statement = statement;
            this.owner = owner;
        }

        void release() {
            inUse = false;
            try {
                if (results != null) {
                    results.close();
                }
                results = null;
                if (!spoiled && !evicted) {
                    statement.clearParameters();
                    return;
                }
            } catch (SQLException e) {
                // cannot be reset: closed below
            }
            if (owner.get(sql) == this) {
                owner.remove(sql);
            }
            closeQuietly(statement);
        }
    }

    /** What jOOQ holds for one use of a kept statement: closing it releases the statement. */
    private static final class StatementView implements InvocationHandler {
        private final Kept kept;
        private boolean closed;

        StatementView(Kept kept) {
            this.kept = kept;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "close" -> {
                    if (!closed) {
                        closed = true;
                        kept.release();
                    }
                    return null;
                }
                case "isClosed" -> {
                    return closed;
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return kept.statement.toString();
                }
                default -> {
                }
            }
            if (closed) {
                throw new SQLException("statement closed");
            }
            if (OPTIONS.contains(name)) {
                kept.spoiled = true;
            }
            try {
                Object result = call(kept.statement, method, args);
                if (result instanceof ResultSet rs) {
                    kept.results = rs;
                }
                return result;
            } catch (Throwable t) {
                kept.spoiled = true;
                throw t;
            }
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the connection is gone or the statement already closed: nothing to release
        }
    }

    /** Least recently used statements beyond {@link #PER_CONNECTION} are closed, or when in use, at release. */
    private static final class Lru extends LinkedHashMap<String, Kept> {
        Lru() {
            super(64, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            if (size() <= PER_CONNECTION) {
                return false;
            }
            Kept k = eldest.getValue();
            k.evicted = true;
            if (!k.inUse) {
                closeQuietly(k.statement);
            }
            return true;
        }
    }
}
