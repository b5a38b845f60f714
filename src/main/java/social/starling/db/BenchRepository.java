package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.FAVOURITES;
import static social.starling.db.schema.Tables.FEED_ENTRIES;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.JOBS;
import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.USERS;

import java.util.List;
import org.jooq.impl.DSL;

/**
 * Queries of the benchmark commands (cli/bench): seeding a synthetic instance (rows themselves are written with
 * {@link BatchInsert}), and counting what the fan-out and rebuild timers wait for. Not used while serving.
 */
public final class BenchRepository {

    /** Jobs of a lane still queued or running (not dead). */
    public int pendingJobs(Tx tx, String lane) {
        return tx.dsl().fetchCount(JOBS, JOBS.LANE.eq(lane).and(JOBS.STATE.ne("dead")));
    }

    /** Jobs of {@code kind} not yet done (nor dead). */
    public int pendingJobsOfKind(Tx tx, String kind) {
        return tx.dsl().fetchCount(JOBS, JOBS.KIND.eq(kind).and(JOBS.STATE.ne("dead")));
    }

    public int countStatuses(Tx tx) {
        return tx.dsl().fetchCount(STATUSES);
    }

    /** Local accounts, by id. */
    public List<Long> localAccountIds(Tx tx) {
        return tx.dsl().select(ACCOUNTS.ID).from(ACCOUNTS).where(ACCOUNTS.DOMAIN.eq("")).orderBy(ACCOUNTS.ID)
                .fetch(ACCOUNTS.ID);
    }

    /** The status ids of one home feed, ascending. */
    public List<Long> feed(Tx tx, long accountId) {
        return tx.dsl().select(FEED_ENTRIES.STATUS_ID).from(FEED_ENTRIES).where(FEED_ENTRIES.ACCOUNT_ID.eq(accountId))
                .orderBy(FEED_ENTRIES.STATUS_ID).fetch(FEED_ENTRIES.STATUS_ID);
    }

    /** Sets every status's favourites_count from the favourites rows (after they were bulk-loaded). */
    public int countFavourites(Tx tx) {
        return tx.dsl().update(STATUSES)
                .set(STATUSES.FAVOURITES_COUNT, DSL.selectCount().from(FAVOURITES)
                        .where(FAVOURITES.STATUS_ID.eq(STATUSES.ID)))
                .where(STATUSES.ID.in(DSL.select(FAVOURITES.STATUS_ID).from(FAVOURITES)))
                .execute();
    }

    public int deleteFollowsOf(Tx tx, long accountId) {
        return tx.dsl().deleteFrom(FOLLOWS).where(FOLLOWS.ACCOUNT_ID.eq(accountId)).execute();
    }

    /** How many of {@code authorId}'s followers have a kept (not stale) home feed. */
    public int keptFollowerFeeds(Tx tx, long authorId) {
        return tx.dsl().fetchCount(DSL.selectOne().from(FOLLOWS).join(USERS).on(USERS.ACCOUNT_ID.eq(FOLLOWS.ACCOUNT_ID))
                .where(FOLLOWS.TARGET_ACCOUNT_ID.eq(authorId)).and(USERS.FEED_STALE.isFalse()));
    }

    /** How many home feeds of {@code authorId}'s followers hold the status. */
    public int followerFeedsHolding(Tx tx, long authorId, long statusId) {
        return tx.dsl().fetchCount(FEED_ENTRIES, FEED_ENTRIES.STATUS_ID.eq(statusId)
                .and(FEED_ENTRIES.ACCOUNT_ID.in(DSL.select(FOLLOWS.ACCOUNT_ID).from(FOLLOWS)
                        .where(FOLLOWS.TARGET_ACCOUNT_ID.eq(authorId)))));
    }

    /** Fresh planner statistics after a bulk load. */
    public void analyze(Tx tx) {
        tx.dsl().execute("ANALYZE");
    }

    /** PostgreSQL: {@code VACUUM ANALYZE}, which sets the visibility map; run it outside a transaction. */
    public void vacuumAnalyze(Tx tx) {
        tx.dsl().execute("VACUUM ANALYZE");
    }
}
