package social.starling.federation.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again. Mastodon's DeliveryWorker is retried by Sidekiq 16 times with
 * {@code count^4 + 15} seconds plus jitter; the same curve here: after the n-th failed attempt, {@code n^4 + 15} s
 * plus a random {@code [0, n^4/2 + 10 n)} s. Sixteen attempts span about two days (the fifteen waits add up to
 * 49.6 h, about 62 h with the average jitter). A {@code Retry-After} the host sent replaces the computed wait,
 * up to {@link #MAX_RETRY_AFTER}.
 */
public final class RetrySchedule {
    public static final int MAX_ATTEMPTS = 16;
    /** A host cannot park a delivery longer than this with Retry-After. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private RetrySchedule() {
    }

    /** The wait after {@code failedAttempts} failed attempts (1 for the first failure). */
    public static Duration delay(int failedAttempts, RandomGenerator random) {
        long n = Math.max(1, failedAttempts);
        long fourth = n * n * n * n;
        double jitter = random.nextDouble() * (fourth / 2.0 + 10.0 * n);
        return Duration.ofMillis((fourth + 15) * 1000 + (long) (jitter * 1000));
    }

    /** The smallest wait: what {@link #delay} gives without jitter. */
    public static Duration minimumDelay(int failedAttempts) {
        return delay(failedAttempts, new Fixed(0));
    }

    /** The largest wait {@link #delay} gives. */
    public static Duration maximumDelay(int failedAttempts) {
        return delay(failedAttempts, new Fixed(Math.nextDown(1.0)));
    }

    /**
     * A {@code Retry-After} header (RFC 9110: delay in seconds, or an HTTP date) as a wait from {@code now}; empty
     * when absent or unreadable. Capped at {@link #MAX_RETRY_AFTER}; a date in the past is no wait.
     */
    public static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        Duration wait;
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                wait = MAX_RETRY_AFTER;
            }
        } else {
            try {
                Instant at = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value));
                wait = at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
    }

    private record Fixed(double value) implements RandomGenerator {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return value;
        }
    }
}
