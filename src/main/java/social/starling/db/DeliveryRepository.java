package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.BLOCKS;
import static social.starling.db.schema.Tables.DELIVERY_ACTIVITIES;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.POLL_VOTES;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Outbound delivery: activities stored once for all their inboxes, and the inboxes an audience resolves to.
 * Inboxes are only ever of remote accounts ({@code domain <> ''}) that are not suspended.
 */
public final class DeliveryRepository {
    /** An activity to deliver: its JSON and the local account that signs it. */
    public record StoredActivity(long id, long accountId, String body) {
    }

    public void insertActivity(Tx tx, long id, long accountId, String body, int pending, Instant now) {
        tx.dsl().insertInto(DELIVERY_ACTIVITIES)
                .set(DELIVERY_ACTIVITIES.ID, id)
                .set(DELIVERY_ACTIVITIES.ACCOUNT_ID, accountId)
                .set(DELIVERY_ACTIVITIES.BODY, body)
                .set(DELIVERY_ACTIVITIES.PENDING, pending)
                .set(DELIVERY_ACTIVITIES.CREATED_AT, now)
                .execute();
    }

    public Optional<StoredActivity> activity(Tx tx, long id) {
        return tx.dsl().select(DELIVERY_ACTIVITIES.ID, DELIVERY_ACTIVITIES.ACCOUNT_ID, DELIVERY_ACTIVITIES.BODY)
                .from(DELIVERY_ACTIVITIES).where(DELIVERY_ACTIVITIES.ID.eq(id))
                .fetchOptional(r -> new StoredActivity(r.value1(), r.value2(), r.value3()));
    }

    /** One delivery of the activity is settled; the activity is deleted with its last one. */
    public void settle(Tx tx, long id) {
        tx.dsl().update(DELIVERY_ACTIVITIES).set(DELIVERY_ACTIVITIES.PENDING, DELIVERY_ACTIVITIES.PENDING.minus(1))
                .where(DELIVERY_ACTIVITIES.ID.eq(id)).execute();
        tx.dsl().deleteFrom(DELIVERY_ACTIVITIES).where(DELIVERY_ACTIVITIES.ID.eq(id))
                .and(DELIVERY_ACTIVITIES.PENDING.le(0)).execute();
    }

    public int deleteActivitiesBefore(Tx tx, Instant before) {
        return tx.dsl().deleteFrom(DELIVERY_ACTIVITIES).where(DELIVERY_ACTIVITIES.CREATED_AT.lt(before)).execute();
    }

    public int countActivities(Tx tx) {
        return tx.dsl().fetchCount(DELIVERY_ACTIVITIES);
    }

    /** The inboxes of {@code accountId}'s remote followers, each one's shared inbox when it has one; distinct. */
    public List<String> followerInboxes(Tx tx, long accountId) {
        return tx.dsl().selectDistinct(preferredInbox()).from(FOLLOWS)
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(FOLLOWS.ACCOUNT_ID))
                .where(FOLLOWS.TARGET_ACCOUNT_ID.eq(accountId)).and(deliverable())
                .fetch(r -> r.value1());
    }

    /**
     * The inboxes of these accounts that are remote and not suspended: shared ones when {@code shared} and the
     * account has one (fan-out), else each account's own (an activity meant for that actor alone).
     */
    public List<String> inboxesOf(Tx tx, Collection<Long> accountIds, boolean shared) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        Field<String> inbox = shared ? preferredInbox() : ACCOUNTS.INBOX_URI;
        return tx.dsl().selectDistinct(inbox).from(ACCOUNTS)
                .where(ACCOUNTS.ID.in(accountIds)).and(deliverable())
                .fetch(r -> r.value1());
    }

    /** The id of {@code accountId}'s block of {@code targetId}, if there is one. */
    public Optional<Long> blockId(Tx tx, long accountId, long targetId) {
        return tx.dsl().select(BLOCKS.ID).from(BLOCKS)
                .where(BLOCKS.ACCOUNT_ID.eq(accountId)).and(BLOCKS.TARGET_ACCOUNT_ID.eq(targetId))
                .fetchOptional(r -> r.value1());
    }

    /** {@code accountId}'s votes in {@code pollId}: choice → vote id. */
    public Map<Integer, Long> votes(Tx tx, long pollId, long accountId) {
        return tx.dsl().select(POLL_VOTES.CHOICE, POLL_VOTES.ID).from(POLL_VOTES)
                .where(POLL_VOTES.POLL_ID.eq(pollId)).and(POLL_VOTES.ACCOUNT_ID.eq(accountId))
                .fetchMap(POLL_VOTES.CHOICE, POLL_VOTES.ID);
    }

    private static Field<String> preferredInbox() {
        return DSL.coalesce(DSL.nullif(ACCOUNTS.SHARED_INBOX_URI, ""), ACCOUNTS.INBOX_URI);
    }

    private static Condition deliverable() {
        return ACCOUNTS.DOMAIN.ne("").and(ACCOUNTS.SUSPENDED_AT.isNull()).and(ACCOUNTS.INBOX_URI.isNotNull())
                .and(ACCOUNTS.INBOX_URI.ne(""));
    }
}
