package social.starling.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import social.starling.errors.UnavailableException;

/**
 * Admission control: at most {@code limit} requests are handled at once. Past the bound a request is answered
 * 503 with {@code Retry-After} at once instead of queueing without end; while shutting down, new requests get the
 * same answer and in-flight ones finish.
 */
public final class Admission {
    private final Semaphore slots;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int limit;
    private volatile boolean draining;
    private volatile boolean ready;

    public Admission(int limit) {
        this.limit = limit;
        this.slots = new Semaphore(limit);
    }

    /** Wraps each endpoint (not before/after filters) so its work counts against the bound. */
    public Handler wrap(Endpoint endpoint) {
        Handler inner = endpoint.handler;
        if (endpoint.method == HandlerType.BEFORE || endpoint.method == HandlerType.AFTER
                || endpoint.method == HandlerType.BEFORE_MATCHED || endpoint.method == HandlerType.AFTER_MATCHED) {
            return inner;
        }
        boolean probe = endpoint.path.equals("/livez") || endpoint.path.equals("/readyz")
                || endpoint.path.equals("/metrics");
        // Streaming responses last as long as their clients stay: they are bounded per token by the streaming hub,
        // not by request slots, and shutdown closes them rather than waiting for them to drain.
        boolean streaming = endpoint.path.startsWith("/api/v1/streaming")
                || endpoint.path.equals("/web/notifications/stream"); // the web client's live notifications
        return ctx -> {
            if (streaming && ready && !draining) {
                inner.handle(ctx);
                return;
            }
            if (!ready && !probe) {
                throw new UnavailableException("The server is starting, please try again shortly",
                        Duration.ofSeconds(2));
            }
            if (draining && !probe) {
                throw new UnavailableException("The server is restarting, please try again shortly",
                        Duration.ofSeconds(5));
            }
            if (!slots.tryAcquire()) {
                throw new UnavailableException("The server is busy, please try again shortly", Duration.ofSeconds(2));
            }
            inFlight.incrementAndGet();
            try {
                inner.handle(ctx);
            } finally {
                inFlight.decrementAndGet();
                slots.release();
            }
        };
    }

    /** Opens the doors once the database is migrated; until then only the health probes answer. */
    public void ready() {
        ready = true;
    }

    public boolean isReady() {
        return ready && !draining;
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int limit() {
        return limit;
    }

    /** Refuses new requests and waits up to {@code grace} for in-flight ones to finish; true if all did. */
    public boolean drain(Duration grace) {
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return inFlight.get() == 0;
    }
}
