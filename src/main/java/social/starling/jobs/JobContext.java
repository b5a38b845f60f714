package social.starling.jobs;

import java.time.Instant;
import java.util.Optional;

/** What a handler may want to know about the run, and its way to ask for the same job to run again later. */
public final class JobContext {
    private final long jobId;
    private final int attempt;
    private final int maxAttempts;
    private Instant runAgainAt;

    public JobContext(long jobId, int attempt, int maxAttempts) {
        this.jobId = jobId;
        this.attempt = attempt;
        this.maxAttempts = maxAttempts;
    }

    public long jobId() {
        return jobId;
    }

    public int attempt() {
        return attempt;
    }

    public boolean lastAttempt() {
        return attempt >= maxAttempts;
    }

    /** Instead of deleting the job when the handler returns, keep it and run it again at {@code time}. */
    public void runAgainAt(Instant time) {
        this.runAgainAt = time;
    }

    Optional<Instant> runAgainAt() {
        return Optional.ofNullable(runAgainAt);
    }
}
