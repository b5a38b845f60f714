package social.starling.federation.delivery;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code perHost} deliveries in flight to one host from this node, so a host that answers slowly (or not
 * at all, until the request timeout) holds a few delivery workers, never all of them. A delivery that finds its
 * host at the cap is put back in the queue for a moment ({@link DeliveryHandler}), not waited for.
 */
public final class HostSlots {
    public static final int DEFAULT_PER_HOST = 4;

    private final int perHost;
    private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public HostSlots(int perHost) {
        this.perHost = perHost;
    }

    public boolean tryAcquire(String host) {
        boolean[] taken = {false};
        inFlight.compute(host, (h, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < perHost) {
                c.incrementAndGet();
                taken[0] = true;
            }
            return c;
        });
        return taken[0];
    }

    public void release(String host) {
        inFlight.computeIfPresent(host, (h, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    public int inFlight(String host) {
        AtomicInteger c = inFlight.get(host);
        return c == null ? 0 : c.get();
    }
}
