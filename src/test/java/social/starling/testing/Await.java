package social.starling.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something the job runner does in the background (fan-out, notifications). */
public final class Await {
    private Await() {
    }

    public static void until(BooleanSupplier condition) {
        until(Duration.ofSeconds(20), condition);
    }

    /** As {@link #until(BooleanSupplier)}, saying what was seen when it fails. */
    public static void until(BooleanSupplier condition, java.util.function.Supplier<String> seen) {
        try {
            until(condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + seen.get(), e);
        }
    }

    /** As {@link #until(Duration, BooleanSupplier)}, saying what was seen when it fails. */
    public static void until(Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> seen) {
        try {
            until(timeout, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + seen.get(), e);
        }
    }

    public static void until(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
