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
    private java.util.function.Predicate<Tx> completer;
    private boolean completedInWork;
    private boolean heldAtCompletion = true;

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

    /** The runner's way to remove the job in a given transaction (true if this runner still held it). */
    void completer(java.util.function.Predicate<Tx> completer) {
        this.completer = completer;
    }

    /**
     * Removes the finished job in the handler's own write transaction, so that the runner needs no transaction of
     * its own to do it (on SQLite's one writer, a commit less per job). If {@code tx} rolls back, so does the removal,
     * and the job fails as usual by the exception. For a handler that asks for nothing else (no deferral, retry or
     * second run); an {@link #onComplete} action must be registered before. Outside a runner (a test calling a
     * handler) it does nothing.
     */
    public void completeIn(Tx tx) {
        if (completer != null) {
            heldAtCompletion = completer.test(tx);
            completedInWork = true;
        }
    }

    boolean completedInWork() {
        return completedInWork;
    }

    boolean heldAtCompletion() {
        return heldAtCompletion;
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

    /** When the handler asked to run again without counting an attempt, if it did. */
    public Optional<Instant> deferTo() {
        return Optional.ofNullable(deferTo);
    }

    Optional<Consumer<Tx>> onComplete() {
        return Optional.ofNullable(onComplete);
    }
}
