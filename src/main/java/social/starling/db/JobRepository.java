package social.starling.db;

import static social.starling.db.schema.Tables.JOBS;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Record1;
import org.jooq.SelectLimitPercentStep;
import org.jooq.impl.DSL;
import social.starling.db.schema.tables.records.JobsRecord;

/**
 * Queries over the {@code jobs} table. The rules (backoff, leases, lanes) live in {@code social.starling.jobs}.
 *
 * <p>A claimed job's {@code run_at} is its lease expiry, so one predicate finds both queued jobs that are due and
 * running jobs whose runner stopped renewing them: {@code state <> 'dead' AND run_at <= now}.
 */
public final class JobRepository {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DEAD = "dead";

    /** A job as claimed by a runner. */
    public record Row(long id, String lane, String kind, String payload, int attempts, int maxAttempts,
                      String uniqueKey) {
    }

    /** Counts for one lane. {@code oldestDue} is the run time of the longest-waiting due job, if any. */
    public record LaneStats(String lane, int due, int scheduled, int running, int dead, Optional<Instant> oldestDue) {
    }

    public void insert(Tx tx, long id, String lane, String kind, String payload, Instant runAt, int maxAttempts,
                       Instant now) {
        tx.dsl().insertInto(JOBS)
                .set(newRow(id, lane, kind, payload, runAt, maxAttempts, null, now))
                .execute();
    }

    /** Inserts unless a job with {@code uniqueKey} exists; returns whether it inserted. */
    public boolean insertUnique(Tx tx, long id, String lane, String kind, String payload, Instant runAt,
                                int maxAttempts, String uniqueKey, Instant now) {
        return tx.dsl().insertInto(JOBS)
                .set(newRow(id, lane, kind, payload, runAt, maxAttempts, uniqueKey, now))
                .onConflict(JOBS.UNIQUE_KEY).doNothing()
                .execute() == 1;
    }

    private static JobsRecord newRow(long id, String lane, String kind, String payload, Instant runAt,
                                     int maxAttempts, String uniqueKey, Instant now) {
        JobsRecord r = new JobsRecord();
        r.setId(id);
        r.setLane(lane);
        r.setKind(kind);
        r.setPayload(payload);
        r.setState(QUEUED);
        r.setRunAt(runAt);
        r.setAttempts(0);
        r.setMaxAttempts(maxAttempts);
        r.setUniqueKey(uniqueKey);
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        return r;
    }

    /**
     * Claims up to {@code limit} due jobs of {@code lane} for {@code runner} until {@code leaseUntil}. On PostgreSQL
     * rows locked by another node's claim are skipped ({@code FOR UPDATE SKIP LOCKED}); SQLite has one writer, so
     * the claim is serialised by its IMMEDIATE transaction.
     */
    public List<Row> claim(Tx tx, String lane, int limit, String runner, Instant now, Instant leaseUntil) {
        SelectLimitPercentStep<Record1<Long>> due = tx.dsl().select(JOBS.ID).from(JOBS)
                .where(JOBS.LANE.eq(lane))
                .and(JOBS.STATE.ne(DEAD))
                .and(JOBS.RUN_AT.le(now))
                .orderBy(JOBS.RUN_AT, JOBS.ID)
                .limit(limit);
        var ids = tx.dialect() == Database.Dialect.POSTGRES ? due.forUpdate().skipLocked() : due;
        return tx.dsl().update(JOBS)
                .set(JOBS.STATE, RUNNING)
                .set(JOBS.LOCKED_BY, runner)
                .set(JOBS.RUN_AT, leaseUntil)
                .set(JOBS.ATTEMPTS, JOBS.ATTEMPTS.plus(1))
                .set(JOBS.UPDATED_AT, now)
                .where(JOBS.ID.in(ids))
                .returning(JOBS.ID, JOBS.LANE, JOBS.KIND, JOBS.PAYLOAD, JOBS.ATTEMPTS, JOBS.MAX_ATTEMPTS,
                        JOBS.UNIQUE_KEY)
                .fetch(r -> new Row(r.get(JOBS.ID), r.get(JOBS.LANE), r.get(JOBS.KIND), r.get(JOBS.PAYLOAD),
                        r.get(JOBS.ATTEMPTS), r.get(JOBS.MAX_ATTEMPTS), r.get(JOBS.UNIQUE_KEY)));
    }

    /** Deletes a finished job if {@code runner} still holds it; false if another runner took it over. */
    public boolean complete(Tx tx, long id, String runner) {
        return tx.dsl().deleteFrom(JOBS).where(JOBS.ID.eq(id)).and(JOBS.LOCKED_BY.eq(runner)).execute() == 1;
    }

    /** Puts a failed job back in the queue to run again at {@code runAt}. */
    public boolean retry(Tx tx, long id, String runner, Instant runAt, String error, Instant now) {
        return tx.dsl().update(JOBS)
                .set(JOBS.STATE, QUEUED)
                .setNull(JOBS.LOCKED_BY)
                .set(JOBS.RUN_AT, runAt)
                .set(JOBS.LAST_ERROR, error)
                .set(JOBS.UPDATED_AT, now)
                .where(JOBS.ID.eq(id)).and(JOBS.LOCKED_BY.eq(runner))
                .execute() == 1;
    }

    /** Keeps a finished job for another run at {@code runAt}, with a fresh attempt count (recurring work). */
    public boolean reschedule(Tx tx, long id, String runner, Instant runAt, Instant now) {
        return tx.dsl().update(JOBS)
                .set(JOBS.STATE, QUEUED)
                .setNull(JOBS.LOCKED_BY)
                .set(JOBS.RUN_AT, runAt)
                .set(JOBS.ATTEMPTS, 0)
                .setNull(JOBS.LAST_ERROR)
                .set(JOBS.UPDATED_AT, now)
                .where(JOBS.ID.eq(id)).and(JOBS.LOCKED_BY.eq(runner))
                .execute() == 1;
    }

    /** Puts a job its handler did not run back in the queue for {@code runAt}, without counting the attempt. */
    public boolean defer(Tx tx, long id, String runner, Instant runAt, Instant now) {
        return tx.dsl().update(JOBS)
                .set(JOBS.STATE, QUEUED)
                .setNull(JOBS.LOCKED_BY)
                .set(JOBS.RUN_AT, runAt)
                .set(JOBS.ATTEMPTS, DSL.greatest(JOBS.ATTEMPTS.minus(1), DSL.inline(0)))
                .set(JOBS.UPDATED_AT, now)
                .where(JOBS.ID.eq(id)).and(JOBS.LOCKED_BY.eq(runner))
                .execute() == 1;
    }

    /** Returns jobs this runner holds to the queue without counting the attempt (graceful shutdown). */
    public int release(Tx tx, Collection<Long> ids, String runner, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return tx.dsl().update(JOBS)
                .set(JOBS.STATE, QUEUED)
                .setNull(JOBS.LOCKED_BY)
                .set(JOBS.RUN_AT, now)
                .set(JOBS.ATTEMPTS, DSL.greatest(JOBS.ATTEMPTS.minus(1), DSL.inline(0)))
                .set(JOBS.UPDATED_AT, now)
                .where(JOBS.ID.in(ids)).and(JOBS.LOCKED_BY.eq(runner))
                .execute();
    }

    /**
     * Returns to the queue, at once, the running jobs held by earlier runners of this node ({@code runnerPrefix},
     * any runner but {@code current}): a process restarted after a crash takes back what its previous incarnation
     * had claimed instead of waiting for the leases to expire. The attempt is not counted.
     */
    public int releaseEarlierRunners(Tx tx, String runnerPrefix, String current, Instant now) {
        return tx.dsl().update(JOBS)
                .set(JOBS.STATE, QUEUED)
                .setNull(JOBS.LOCKED_BY)
                .set(JOBS.RUN_AT, now)
                .set(JOBS.ATTEMPTS, DSL.greatest(JOBS.ATTEMPTS.minus(1), DSL.inline(0)))
                .set(JOBS.UPDATED_AT, now)
                .where(JOBS.STATE.eq(RUNNING)).and(JOBS.LOCKED_BY.startsWith(runnerPrefix))
                .and(JOBS.LOCKED_BY.ne(current))
                .execute();
    }

    public boolean markDead(Tx tx, long id, String runner, String error, Instant now) {
        return tx.dsl().update(JOBS)
                .set(JOBS.STATE, DEAD)
                .setNull(JOBS.LOCKED_BY)
                .set(JOBS.LAST_ERROR, error)
                .set(JOBS.UPDATED_AT, now)
                .where(JOBS.ID.eq(id)).and(JOBS.LOCKED_BY.eq(runner))
                .execute() == 1;
    }

    /** Renews the lease of jobs still running under {@code runner}. */
    public int extendLeases(Tx tx, Collection<Long> ids, String runner, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return 0;
        }
        return tx.dsl().update(JOBS)
                .set(JOBS.RUN_AT, leaseUntil)
                .where(JOBS.ID.in(ids)).and(JOBS.LOCKED_BY.eq(runner)).and(JOBS.STATE.eq(RUNNING))
                .execute();
    }

    /** When the next job of {@code lane} becomes due (or a lease expires), if any is waiting. */
    public Optional<Instant> nextRunAt(Tx tx, String lane) {
        return tx.dsl().select(DSL.min(JOBS.RUN_AT)).from(JOBS)
                .where(JOBS.LANE.eq(lane)).and(JOBS.STATE.ne(DEAD))
                .fetchOptional(0, Instant.class);
    }

    public List<LaneStats> stats(Tx tx, Instant now) {
        var due = DSL.count().filterWhere(JOBS.STATE.eq(QUEUED).and(JOBS.RUN_AT.le(now)));
        var scheduled = DSL.count().filterWhere(JOBS.STATE.eq(QUEUED).and(JOBS.RUN_AT.gt(now)));
        var running = DSL.count().filterWhere(JOBS.STATE.eq(RUNNING));
        var dead = DSL.count().filterWhere(JOBS.STATE.eq(DEAD));
        var oldest = DSL.min(JOBS.RUN_AT).filterWhere(JOBS.STATE.eq(QUEUED).and(JOBS.RUN_AT.le(now)));
        return tx.dsl().select(JOBS.LANE, due, scheduled, running, dead, oldest)
                .from(JOBS)
                .groupBy(JOBS.LANE)
                .orderBy(JOBS.LANE)
                .fetch(r -> new LaneStats(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        Optional.ofNullable(r.value6())));
    }

    public int deleteDeadBefore(Tx tx, Instant before) {
        return tx.dsl().deleteFrom(JOBS)
                .where(JOBS.STATE.eq(DEAD)).and(JOBS.UPDATED_AT.lt(before))
                .execute();
    }

    public Optional<String> stateOf(Tx tx, long id) {
        return tx.dsl().select(JOBS.STATE).from(JOBS).where(JOBS.ID.eq(id)).fetchOptional(JOBS.STATE);
    }

    public int count(Tx tx) {
        return tx.dsl().fetchCount(JOBS);
    }
}
