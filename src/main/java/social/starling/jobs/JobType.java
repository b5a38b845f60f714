package social.starling.jobs;

import java.time.Duration;

/**
 * A kind of job: its stable name (stored in the table), lane, payload record and retry policy. Payloads carry ids,
 * not objects; a handler reloads what it needs and treats a vanished object as done.
 *
 * @param maxAttempts attempts before the job is marked dead
 * @param backoffBase delay before the second attempt; it doubles with each attempt, up to {@code backoffCap}
 */
public record JobType<P>(String kind, Lane lane, Class<P> payloadType, int maxAttempts, Duration backoffBase,
                         Duration backoffCap) {

    public static <P> JobType<P> of(String kind, Lane lane, Class<P> payloadType) {
        return new JobType<>(kind, lane, payloadType, 8, Duration.ofSeconds(10), Duration.ofHours(1));
    }

    public JobType<P> withRetries(int maxAttempts, Duration base, Duration cap) {
        return new JobType<>(kind, lane, payloadType, maxAttempts, base, cap);
    }
}
