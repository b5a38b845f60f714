package social.starling.support;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Holds a {@link CpuWork} busy from a test, deterministically. */
public final class CpuWorkTestSupport {
    private CpuWorkTestSupport() {
    }

    /** Occupies the pool's only thread until {@code release} opens. */
    public static Thread block(CpuWork cpu, CountDownLatch release) throws InterruptedException {
        var started = new CountDownLatch(1);
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                cpu.call(CpuWork.Priority.IN_TURN, () -> {
                    started.countDown();
                    release.await();
                    return "done";
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.await();
        return t;
    }

    /** A caller waiting for a turn: a trivial task of this priority, submitted from a virtual thread of its own. */
    public static Thread waiting(CpuWork cpu, CpuWork.Priority priority) {
        return Thread.ofVirtual().start(() -> {
            try {
                cpu.call(priority, () -> true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    public static void awaitExpectedWait(CpuWork cpu, CpuWork.Priority priority, Duration expected) throws InterruptedException {
        while (!cpu.expectedWait(priority).equals(expected)) {
            Thread.sleep(1);
        }
    }
}
