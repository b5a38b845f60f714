package social.starling.federation.delivery;

import java.time.Duration;
import social.starling.jobs.JobType;
import social.starling.jobs.Lane;

/**
 * One delivery: the stored activity ({@code delivery_activities}, rendered once for all its inboxes) to one inbox.
 * {@link DeliveryHandler} schedules its own retries (about two days, {@link RetrySchedule}); the runner's backoff
 * applies only to unexpected errors.
 */
public record Deliver(long activityId, String inbox) {
    public static final JobType<Deliver> JOB = JobType.of("deliver", Lane.DELIVERY, Deliver.class)
            .withRetries(RetrySchedule.MAX_ATTEMPTS, Duration.ofSeconds(15), Duration.ofHours(1));
}
