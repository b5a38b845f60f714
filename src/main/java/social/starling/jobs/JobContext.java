package social.starling.jobs;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import social.starling.db.Tx;

/** What a handler may want to know about the run, and its way to ask for the same job to run again later. */
public final class JobContext {
    private final long jobId;
    private final int attempt;
    private final int maxAttempts;
    private Instant runAgainAt;
    private Instant retryAt;
    private String retryError;
    private Instant deferTo;
    private Consumer<Tx> onComplete;

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

    /**
     * This attempt failed and the handler chose when to try again (a {@code Retry-After}, its own schedule): the job
     * goes back to the queue for {@code time}, the attempt counted and {@code error} kept, as if it had thrown.
     */
    public void retryAt(Instant time, String error) {
        this.retryAt = time;
        this.retryError = error;
    }

    /** The handler did not do the work now (a busy or resting remote host): run at {@code time}, attempt not counted. */
    public void deferTo(Instant time) {
        this.deferTo = time;
    }

    /** Runs {@code action} in the transaction that removes the finished job, so it happens exactly once with it. */
    public void onComplete(Consumer<Tx> action) {
        this.onComplete = action;
    }

    Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }

    String retryError() {
        return retryError;
    }

    Optional<Instant> deferTo() {
        return Optional.ofNullable(deferTo);
    }

    Optional<Consumer<Tx>> onComplete() {
        return Optional.ofNullable(onComplete);
    }
}
