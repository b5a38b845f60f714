package social.starling.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives memory back once the server goes quiet. The JVM shrinks its heap (down to {@code MaxHeapFreeRatio}) only
 * when it collects, and an idle server allocates nothing, so after a burst of traffic it would keep the heap the
 * burst took for good. When the request count has not moved for a whole period, this collects once; it does so
 * again only after the next burst.
 */
public final class IdleMemory implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IdleMemory.class);

    private final LongSupplier activity;
    private final Runnable collect;
    private final ScheduledExecutorService timer;
    private long lastSeen = -1;
    private boolean trimmed = true;

    IdleMemory(LongSupplier activity, Runnable collect, ScheduledExecutorService timer) {
        this.activity = activity;
        this.collect = collect;
        this.timer = timer;
    }

    /** Checks every {@code period}; {@code activity} is a count that grows with each request handled. */
    public static IdleMemory start(LongSupplier activity, Duration period) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idle-memory");
            t.setDaemon(true);
            return t;
        });
        IdleMemory idle = new IdleMemory(activity, System::gc, timer);
        timer.scheduleWithFixedDelay(idle::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return idle;
    }

    /** One check: collects when nothing happened since the previous check and something did before it. */
    synchronized boolean tick() {
        long now = activity.getAsLong();
        boolean quiet = now == lastSeen;
        lastSeen = now;
        if (!quiet) {
            trimmed = false;
            return false;
        }
        if (trimmed) {
            return false;
        }
        trimmed = true;
        try {
            collect.run();
        } catch (RuntimeException e) {
            log.debug("idle collection failed", e);
        }
        return true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
