package social.starling.jobs;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a lane's runner when this process commits a job for it, so local work starts at once instead of at the
 * next poll. Jobs committed by other nodes are found by polling.
 */
public final class LaneSignals {
    private final Map<Lane, Semaphore> signals = new EnumMap<>(Lane.class);

    public LaneSignals() {
        for (Lane lane : Lane.values()) {
            signals.put(lane, new Semaphore(0));
        }
    }

    public void wake(Lane lane) {
        Semaphore s = signals.get(lane);
        if (s.availablePermits() == 0) {
            s.release();
        }
    }

    public void wakeAll() {
        for (Lane lane : Lane.values()) {
            wake(lane);
        }
    }

    /** Waits until woken or {@code timeout} passes; consumes the wake-up. */
    void await(Lane lane, Duration timeout) throws InterruptedException {
        Semaphore s = signals.get(lane);
        if (s.tryAcquire(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
            s.drainPermits();
        }
    }
}
