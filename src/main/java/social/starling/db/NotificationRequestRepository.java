package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.NOTIFICATION_PERMISSIONS;
import static social.starling.db.schema.Tables.NOTIFICATION_REQUESTS;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import social.starling.model.NotificationRequest;
import social.starling.model.Page;

/**
 * Notification requests (one per recipient and sender of filtered mentions) and notification permissions (senders
 * a recipient accepted, whose notifications are never filtered). Requests from suspended senders are not read.
 */
public final class NotificationRequestRepository {

    /**
     * Creates the request of ({@code accountId}, {@code fromId}) with id {@code newId}, or updates the existing one:
     * its last status, its count and its update time.
     */
    public void upsert(Tx tx, long newId, long accountId, long fromId, Long lastStatusId, int count, Instant now) {
        var t = NOTIFICATION_REQUESTS;
        tx.dsl().insertInto(t)
                .set(t.ID, newId)
                .set(t.ACCOUNT_ID, accountId)
                .set(t.FROM_ACCOUNT_ID, fromId)
                .set(t.LAST_STATUS_ID, lastStatusId)
                .set(t.NOTIFICATIONS_COUNT, count)
                .set(t.CREATED_AT, now)
                .set(t.UPDATED_AT, now)
                .onConflict(t.ACCOUNT_ID, t.FROM_ACCOUNT_ID).doUpdate()
                .set(t.LAST_STATUS_ID, lastStatusId)
                .set(t.NOTIFICATIONS_COUNT, count)
                .set(t.UPDATED_AT, now)
                .execute();
    }

    public Optional<NotificationRequest> find(Tx tx, long accountId, long id) {
        return select(tx, accountId).and(NOTIFICATION_REQUESTS.ID.eq(id))
                .fetchOptional(NotificationRequestRepository::toRequest);
    }

    /** Those of {@code ids} that are {@code accountId}'s; others are left out. */
    public List<NotificationRequest> findAll(Tx tx, long accountId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return select(tx, accountId).and(NOTIFICATION_REQUESTS.ID.in(ids))
                .fetch(NotificationRequestRepository::toRequest);
    }

    /** A page of {@code accountId}'s requests by id, newest first. */
    public List<NotificationRequest> page(Tx tx, long accountId, Page page) {
        return Paging.fetch(select(tx, accountId), NOTIFICATION_REQUESTS.ID, page).stream()
                .map(NotificationRequestRepository::toRequest).toList();
    }

    /** Pending requests (counting at most {@code cap} of them) and the sum of their notification counts. */
    public NotificationRequest.Summary summary(Tx tx, long accountId, int cap) {
        var capped = select(tx, accountId).orderBy(NOTIFICATION_REQUESTS.ID.desc()).limit(cap).asTable("capped");
        var r = tx.dsl().select(DSL.count(), DSL.coalesce(DSL.sum(capped.field(NOTIFICATION_REQUESTS.NOTIFICATIONS_COUNT)),
                DSL.inline(java.math.BigDecimal.ZERO))).from(capped).fetchOne();
        return new NotificationRequest.Summary(r.value1(), r.value2().intValue());
    }

    public void delete(Tx tx, long id) {
        tx.dsl().deleteFrom(NOTIFICATION_REQUESTS).where(NOTIFICATION_REQUESTS.ID.eq(id)).execute();
    }

    /** Records that {@code accountId} accepts notifications from {@code fromId} whatever their policy says. */
    public void permit(Tx tx, long accountId, long fromId, Instant now) {
        var t = NOTIFICATION_PERMISSIONS;
        tx.dsl().insertInto(t).set(t.ACCOUNT_ID, accountId).set(t.FROM_ACCOUNT_ID, fromId).set(t.CREATED_AT, now)
                .onConflictDoNothing().execute();
    }

    public boolean permitted(Tx tx, long accountId, long fromId) {
        var t = NOTIFICATION_PERMISSIONS;
        return tx.dsl().fetchExists(t, t.ACCOUNT_ID.eq(accountId).and(t.FROM_ACCOUNT_ID.eq(fromId)));
    }

    private static SelectConditionStep<Record> select(Tx tx, long accountId) {
        Condition c = NOTIFICATION_REQUESTS.ACCOUNT_ID.eq(accountId).and(ACCOUNTS.SUSPENDED_AT.isNull());
        return tx.dsl().select(NOTIFICATION_REQUESTS.fields()).from(NOTIFICATION_REQUESTS)
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(NOTIFICATION_REQUESTS.FROM_ACCOUNT_ID))
                .where(c);
    }

    private static NotificationRequest toRequest(Record r) {
        var t = NOTIFICATION_REQUESTS;
        return new NotificationRequest(r.get(t.ID), r.get(t.ACCOUNT_ID), r.get(t.FROM_ACCOUNT_ID),
                r.get(t.LAST_STATUS_ID), r.get(t.NOTIFICATIONS_COUNT), r.get(t.CREATED_AT), r.get(t.UPDATED_AT));
    }
}
