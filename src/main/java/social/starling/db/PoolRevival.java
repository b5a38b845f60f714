package social.starling.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quick recovery after a PostgreSQL outage. While connections fail, HikariCP's connection creator backs off,
 * doubling its sleep up to 5 s (not configurable), so a pool could stay empty for seconds after the database is
 * back. When a request cannot get a connection and the pool holds none at all (the database went away; a pool
 * merely busy keeps its connections), this watches the database directly every 200 ms; as soon as it answers, a
 * fresh pool replaces the old one, which is closed in the background.
 */
final class PoolRevival {
    private static final Logger log = LoggerFactory.getLogger(PoolRevival.class);
    private static final long PROBE_MILLIS = 200;

    /** Makes the pool of a generation (0 is the first). */
    interface Factory {
        HikariDataSource create(int generation);
    }

    private final Factory pools;
    private final Supplier<HikariDataSource> current;
    private final Consumer<HikariDataSource> replace;
    private final AtomicBoolean watching = new AtomicBoolean();
    private final AtomicInteger generation = new AtomicInteger();
    private volatile boolean stopped;

    PoolRevival(Factory pools, Supplier<HikariDataSource> current, Consumer<HikariDataSource> replace) {
        this.pools = pools;
        this.current = current;
        this.replace = replace;
    }

    /** Starts watching, unless already watching or the pool still has connections (busy, not cut off). */
    void watch() {
        HikariDataSource pool = current.get();
        var bean = pool.getHikariPoolMXBean();
        if (stopped || bean == null || bean.getTotalConnections() > 0 || !watching.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("db-pool-revival").start(() -> {
            try {
                while (!stopped) {
                    if (reachable(pool)) {
                        if (!stopped && current.get() == pool && pool.getHikariPoolMXBean().getTotalConnections() == 0) {
                            HikariDataSource fresh = pools.create(generation.incrementAndGet());
                            replace.accept(fresh);
                            log.info("the database answers again: connections come from a fresh pool ({})",
                                    fresh.getPoolName());
                            Thread.ofVirtual().start(pool::close);
                        }
                        return;
                    }
                    Thread.sleep(PROBE_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                watching.set(false);
            }
        });
    }

    void stop() {
        stopped = true;
    }

    /** One connection of the pool's own kind, outside the pool, with a 1 s connect timeout. */
    private static boolean reachable(HikariDataSource pool) {
        Properties props = new Properties();
        props.setProperty("connectTimeout", "1");
        props.setProperty("socketTimeout", "2");
        try (Connection c = new org.postgresql.Driver().connect(pool.getJdbcUrl(), props)) {
            return c != null && c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }
}
