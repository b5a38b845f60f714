package social.starling.service.status;

import java.time.Duration;
import social.starling.jobs.JobType;
import social.starling.jobs.Lane;

/** The jobs about statuses: distributing a new one (feeds, notifications), and closing a poll at its end. */
public final class StatusJobs {
    public record StatusPayload(long statusId) {
    }

    public record PollPayload(long pollId) {
    }

    /** Fan-out to home feeds, mention and subscriber notifications, direct-message threads. */
    public static final JobType<StatusPayload> DISTRIBUTE = JobType.of("status.distribute", Lane.FEEDS,
            StatusPayload.class).withRetries(8, Duration.ofSeconds(5), Duration.ofMinutes(10));

    public static final JobType<PollPayload> CLOSE_POLL = JobType.of("poll.close", Lane.DEFAULT, PollPayload.class);

    private StatusJobs() {
    }
}
