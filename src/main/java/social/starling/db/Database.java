package social.starling.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.FetchTriggerValuesAfterReturning;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import social.starling.config.Config;

/**
 * The database, SQLite or PostgreSQL, behind one API. Work runs in {@link #inTransaction} (writes) or
 * {@link #read} (reads); a call nested inside another on the same thread joins the outer transaction.
 *
 * <p>SQLite runs in WAL mode with one writer connection (writes queue in the pool instead of fighting over the
 * file lock; transactions begin IMMEDIATE so they never deadlock upgrading a read lock) and a small pool of
 * query-only readers that WAL lets run beside the writer. PostgreSQL uses one HikariCP pool for both.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)");
    private static final ThreadLocal<Tx> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Connection> CONNECTION = new ThreadLocal<>();

    public enum Dialect { SQLITE, POSTGRES }

    private final Dialect dialect;
    private volatile HikariDataSource writer;
    private volatile HikariDataSource reader;
    /** PostgreSQL only: makes a fresh pool (generation n), used by {@link PoolRevival} after an outage. */
    private final PoolRevival revival;
    private final SQLDialect sqlDialect;
    private final Settings settings;
    private final DSLContext dsl;
    private final Optional<String> schema;

    private volatile boolean migrated;

    private Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader, Optional<String> schema,
                     PoolRevival.Factory pools) {
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader == null ? writer : reader;
        this.revival = pools == null ? null : new PoolRevival(pools, () -> this.writer, fresh -> {
            this.writer = fresh;
            this.reader = fresh;
        });
        this.schema = schema;
        this.sqlDialect = dialect == Dialect.SQLITE ? SQLDialect.SQLITE : SQLDialect.POSTGRES;
        this.settings = new Settings()
                .withRenderSchema(false)
                .withExecuteLogging(false)
                // SQLite: without this, RETURNING after an upsert can return the wrong row (see STACK.md).
                .withFetchTriggerValuesAfterReturning(FetchTriggerValuesAfterReturning.NEVER);
        // One configuration for the life of the database, so jOOQ's caches (record mappers, reflection) are kept;
        // its connection is whichever one the calling thread's transaction holds.
        this.dsl = DSL.using(new org.jooq.impl.DefaultConfiguration()
                .set(sqlDialect)
                .set(settings)
                .set(new org.jooq.ExecuteListener() {
                    @Override
                    public void executeStart(org.jooq.ExecuteContext ctx) {
                        QueryCounter.increment();
                    }
                })
                .set(new org.jooq.ConnectionProvider() {
                    @Override
                    public Connection acquire() {
                        Connection c = CONNECTION.get();
                        if (c == null) {
                            throw new IllegalStateException("database used outside inTransaction/read");
                        }
                        return c;
                    }

                    @Override
                    public void release(Connection connection) {
                    }
                }));
    }

    public static Database open(Config.Database config, MeterRegistry metrics) {
        String url = config.url();
        if (url.startsWith("jdbc:sqlite:")) {
            return new Database(Dialect.SQLITE,
                    sqlitePool(url, "starling-writer", 1, false, mmapBytes(config), metrics),
                    sqlitePool(url, "starling-reader", Math.max(2, Math.min(config.poolSize(), 8)), true,
                            mmapBytes(config), metrics),
                    Optional.empty(), null);
        }
        Matcher m = CURRENT_SCHEMA.matcher(url);
        Optional<String> schema = m.find() ? Optional.of(m.group(1)) : Optional.empty();
        PoolRevival.Factory pools = generation -> postgresPool(url, config.poolSize(), generation, metrics);
        return new Database(Dialect.POSTGRES, pools.create(0), null, schema, pools);
    }

    private static HikariDataSource postgresPool(String url, int size, int generation, MeterRegistry metrics) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(generation == 0 ? "starling-pg" : "starling-pg-" + generation);
        hc.setJdbcUrl(url);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(Math.min(2, size));
        // While the database is unreachable a request waits at most this long for a connection, then answers 503
        // (DatabaseException.translate) instead of queueing: fast failure, fast recovery.
        hc.setConnectionTimeout(1_000);
        hc.setInitializationFailTimeout(-1);
        // No JIT compilation of queries: this server runs short statements, and PostgreSQL compiles any whose
        // estimated cost passes jit_above_cost. The fan-out's estimate passed it once feed_entries had grown, and
        // compiling then took 135 ms of a 210 ms statement, every time (bench/README.md, "Posting").
        hc.setConnectionInitSql("SET jit = off");
        hc.setMetricRegistry(metrics);
        return new HikariDataSource(hc);
    }

    private static long mmapBytes(Config.Database config) {
        return config.sqliteMmapMegabytes() * 1024L * 1024L;
    }

    /** How long a SQLite statement waits for a lock another process holds before it fails (SQLITE_BUSY). */
    static final int SQLITE_BUSY_TIMEOUT_MS = 5_000;

    private static HikariDataSource sqlitePool(String url, String name, int size, boolean readOnly, long mmapBytes,
                                               MeterRegistry metrics) {
        SQLiteConfig sc = new SQLiteConfig();
        sc.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sc.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sc.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        sc.enforceForeignKeys(true);
        sc.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // 8 MB page cache per connection (up to 9 of them): with the map, together they keep the resident size
        // under the benchmark within 384 MB (README, "Memory").
        sc.setCacheSize(-8_000);
        // Reads the first mmapBytes of the file through a shared memory map instead of a read() and a copy per
        // page (bench/README.md has the measured effect); mapped pages count in the resident size.
        sc.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(mmapBytes));
        sc.setTransactionMode(readOnly ? SQLiteConfig.TransactionMode.DEFERRED : SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(sc);
        ds.setUrl(url);
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(name);
        hc.setDataSource(ds);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(60_000);
        hc.setMaxLifetime(0);
        // Readers beyond the first close after a minute unused, which frees their page cache and memory map.
        hc.setIdleTimeout(readOnly ? 60_000 : 0);
        // Open connections in the pool's own thread, so start-up goes on (loading SQLite's native library) meanwhile.
        hc.setInitializationFailTimeout(-1);
        if (readOnly) {
            hc.setConnectionInitSql("PRAGMA query_only = 1");
        }
        hc.setMetricRegistry(metrics);
        return new HikariDataSource(hc);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Applies pending migrations for this dialect. */
    public void migrate() {
        flyway().migrate();
        migrated = true;
    }

    /** True once every migration on the classpath has been applied. */
    public boolean migrationsApplied() {
        if (!migrated) {
            migrated = flyway().info().pending().length == 0;
        }
        return migrated;
    }

    private Flyway flyway() {
        var fc = Flyway.configure()
                .dataSource(writer)
                .locations("classpath:db/migration/" + (dialect == Dialect.SQLITE ? "sqlite" : "postgresql"))
                .loggers("slf4j");
        schema.ifPresent(s -> fc.schemas(s).createSchemas(true));
        return fc.load();
    }

    /** The connection of the calling thread's transaction or read, as the pool handed it out. */
    static Connection currentConnection() {
        Connection c = CONNECTION.get();
        if (c == null) {
            throw new IllegalStateException("database used outside inTransaction/read");
        }
        return c;
    }

    /** A cheap round trip, for readiness checks. */
    public boolean ping() {
        try (Connection c = reader.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            log.warn("database ping failed: {}", e.getMessage());
            unreachable(e);
            return false;
        }
    }

    /** Runs {@code work} in a read-write transaction and commits it, or rolls back if it throws. */
    public <T> T inTransaction(TxFunction<T> work) {
        return inTransaction(work, false);
    }

    /**
     * As {@link #inTransaction}, for background work that can come back later (a job runner claiming): on SQLite,
     * when another process holds the write lock it fails at once ({@link social.starling.errors.UnavailableException})
     * instead of waiting out the busy timeout on the one writer connection, which the requests need meanwhile.
     */
    public <T> T inTransactionIfFree(TxFunction<T> work) {
        return inTransaction(work, dialect == Dialect.SQLITE);
    }

    private <T> T inTransaction(TxFunction<T> work, boolean noBusyWait) {
        Tx current = CURRENT.get();
        if (current != null) {
            if (current.readOnly()) {
                throw new IllegalStateException("a write transaction cannot start inside a read");
            }
            return call(work, current);
        }
        try (Connection connection = writer.getConnection()) {
            if (noBusyWait) {
                busyTimeout(connection, 0);
            }
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                // SQLite begins the transaction here (BEGIN IMMEDIATE): when that fails (busy, locked), sqlite-jdbc
                // has already flagged the connection as in a transaction, so its next user would run without one.
                // The connection is dropped from the pool instead of reused.
                writer.evictConnection(connection);
                throw e;
            }
            Tx tx = new Tx(dsl, false, dialect);
            CURRENT.set(tx);
            CONNECTION.set(dialect == Dialect.SQLITE ? KeptStatements.wrap(connection) : connection);
            try {
                T result = call(work, tx);
                connection.commit();
                CURRENT.remove();
                CONNECTION.remove();
                for (Runnable action : tx.afterCommitActions()) {
                    runQuietly(action);
                }
                return result;
            } catch (Throwable t) {
                rollbackQuietly(connection);
                throw t;
            } finally {
                CURRENT.remove();
                CONNECTION.remove();
                connection.setAutoCommit(true);
                if (noBusyWait) {
                    busyTimeout(connection, SQLITE_BUSY_TIMEOUT_MS);
                }
            }
        } catch (SQLException e) {
            unreachable(e);
            throw DatabaseException.translate(e);
        }
    }

    private static void busyTimeout(Connection connection, int millis) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + millis);
        }
    }

    /** Runs {@code work} on a reader connection (each statement sees committed data). */
    public <T> T read(TxFunction<T> work) {
        Tx current = CURRENT.get();
        if (current != null) {
            return call(work, current);
        }
        try (Connection connection = reader.getConnection()) {
            Tx tx = new Tx(dsl, true, dialect);
            CURRENT.set(tx);
            CONNECTION.set(dialect == Dialect.SQLITE ? KeptStatements.wrap(connection) : connection);
            try {
                return call(work, tx);
            } finally {
                CURRENT.remove();
                CONNECTION.remove();
            }
        } catch (SQLException e) {
            unreachable(e);
            throw DatabaseException.translate(e);
        }
    }

    /** Runs {@code work}; a failed statement surfaces as a {@link DatabaseException}, so callers need no jOOQ. */
    private static <T> T call(TxFunction<T> work, Tx tx) {
        try {
            return work.apply(tx);
        } catch (DataAccessException e) {
            throw DatabaseException.translate(e);
        } catch (DatabaseException e) {
            throw DatabaseException.translate(e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw DatabaseException.translate(e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("rollback failed: {}", e.getMessage());
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("after-commit action failed", e);
        }
    }

    /** A connection could not be had: on PostgreSQL, watch for the database to come back (see PoolRevival). */
    private void unreachable(SQLException e) {
        if (revival != null && e instanceof java.sql.SQLTransientConnectionException) {
            revival.watch();
        }
    }

    @Override
    public void close() {
        if (revival != null) {
            revival.stop();
        }
        if (reader != writer) {
            reader.close();
        }
        writer.close();
    }
}
