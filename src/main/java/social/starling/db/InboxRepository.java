package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.FOLLOW_REQUESTS;
import static social.starling.db.schema.Tables.INBOUND_ACTIVITIES;
import static social.starling.db.schema.Tables.STATUSES;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the inbox needs beyond the shared repositories: the ids of activities already taken in (idempotency), the
 * relations an Accept, Reject or Undo names by its activity id, and the rows a remote account's deletion or move
 * walks through.
 */
public final class InboxRepository {

    /** Records an activity id; false if it was recorded before (a duplicate delivery). */
    public boolean recordActivity(Tx tx, String uri, Instant now) {
        return tx.dsl().insertInto(INBOUND_ACTIVITIES)
                .set(INBOUND_ACTIVITIES.URI, uri)
                .set(INBOUND_ACTIVITIES.RECEIVED_AT, now)
                .onConflict(INBOUND_ACTIVITIES.URI).doNothing()
                .execute() == 1;
    }

    public int pruneActivities(Tx tx, Instant before) {
        return tx.dsl().deleteFrom(INBOUND_ACTIVITIES).where(INBOUND_ACTIVITIES.RECEIVED_AT.lt(before)).execute();
    }

    /** The follower of the follow with this activity id whose target is {@code targetId}. */
    public Optional<Long> followerByFollowUri(Tx tx, long targetId, String uri) {
        return tx.dsl().select(FOLLOWS.ACCOUNT_ID).from(FOLLOWS)
                .where(FOLLOWS.TARGET_ACCOUNT_ID.eq(targetId)).and(FOLLOWS.URI.eq(uri))
                .fetchOptional(FOLLOWS.ACCOUNT_ID);
    }

    /** The requester of the pending request with this activity id whose target is {@code targetId}. */
    public Optional<Long> requesterByRequestUri(Tx tx, long targetId, String uri) {
        return tx.dsl().select(FOLLOW_REQUESTS.ACCOUNT_ID).from(FOLLOW_REQUESTS)
                .where(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID.eq(targetId)).and(FOLLOW_REQUESTS.URI.eq(uri))
                .fetchOptional(FOLLOW_REQUESTS.ACCOUNT_ID);
    }

    /** The target of {@code followerId}'s follow, or pending request, with this activity id. */
    public Optional<Long> targetByFollowUri(Tx tx, long followerId, String uri) {
        return tx.dsl().select(FOLLOWS.TARGET_ACCOUNT_ID).from(FOLLOWS)
                .where(FOLLOWS.ACCOUNT_ID.eq(followerId)).and(FOLLOWS.URI.eq(uri))
                .unionAll(tx.dsl().select(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID).from(FOLLOW_REQUESTS)
                        .where(FOLLOW_REQUESTS.ACCOUNT_ID.eq(followerId)).and(FOLLOW_REQUESTS.URI.eq(uri)))
                .fetch(0, Long.class).stream().findFirst();
    }

    /** Accounts following {@code accountId}. */
    public List<Long> followerIds(Tx tx, long accountId) {
        return tx.dsl().select(FOLLOWS.ACCOUNT_ID).from(FOLLOWS).where(FOLLOWS.TARGET_ACCOUNT_ID.eq(accountId))
                .fetch(FOLLOWS.ACCOUNT_ID);
    }

    /** Local accounts following {@code accountId}. */
    public List<Long> localFollowerIds(Tx tx, long accountId) {
        return tx.dsl().select(FOLLOWS.ACCOUNT_ID).from(FOLLOWS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(FOLLOWS.ACCOUNT_ID))
                .where(FOLLOWS.TARGET_ACCOUNT_ID.eq(accountId)).and(ACCOUNTS.DOMAIN.eq(""))
                .fetch(FOLLOWS.ACCOUNT_ID);
    }

    /** Accounts {@code accountId} follows. */
    public List<Long> followingIds(Tx tx, long accountId) {
        return tx.dsl().select(FOLLOWS.TARGET_ACCOUNT_ID).from(FOLLOWS).where(FOLLOWS.ACCOUNT_ID.eq(accountId))
                .fetch(FOLLOWS.TARGET_ACCOUNT_ID);
    }

    /** Targets of {@code accountId}'s pending requests and requesters of requests to it. */
    public List<Long> requestCounterparts(Tx tx, long accountId) {
        return tx.dsl().select(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID).from(FOLLOW_REQUESTS)
                .where(FOLLOW_REQUESTS.ACCOUNT_ID.eq(accountId))
                .unionAll(tx.dsl().select(FOLLOW_REQUESTS.ACCOUNT_ID).from(FOLLOW_REQUESTS)
                        .where(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID.eq(accountId)))
                .fetch(0, Long.class);
    }

    /** Up to {@code limit} ids of {@code accountId}'s statuses (reblogs included), newest first. */
    public List<Long> statusIds(Tx tx, long accountId, int limit) {
        return tx.dsl().select(STATUSES.ID).from(STATUSES).where(STATUSES.ACCOUNT_ID.eq(accountId))
                .orderBy(STATUSES.ID.desc()).limit(limit).fetch(STATUSES.ID);
    }

    /** Marks a remote account moved to {@code movedToId}. */
    public void setMovedTo(Tx tx, long accountId, long movedToId) {
        tx.dsl().update(ACCOUNTS).set(ACCOUNTS.MOVED_TO_ACCOUNT_ID, movedToId).where(ACCOUNTS.ID.eq(accountId))
                .execute();
    }

    public Optional<Long> movedTo(Tx tx, long accountId) {
        return tx.dsl().select(ACCOUNTS.MOVED_TO_ACCOUNT_ID).from(ACCOUNTS).where(ACCOUNTS.ID.eq(accountId))
                .fetchOptional(ACCOUNTS.MOVED_TO_ACCOUNT_ID);
    }

    /** Marks an account gone (a remote Delete of the actor): hidden everywhere suspended accounts are. */
    public void markSuspended(Tx tx, long accountId, Instant now) {
        tx.dsl().update(ACCOUNTS).set(ACCOUNTS.SUSPENDED_AT, now).set(ACCOUNTS.UPDATED_AT, now)
                .where(ACCOUNTS.ID.eq(accountId)).and(ACCOUNTS.SUSPENDED_AT.isNull()).execute();
    }
}
