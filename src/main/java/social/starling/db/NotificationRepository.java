package social.starling.db;

import static social.starling.db.schema.Tables.NOTIFICATIONS;

import java.time.Instant;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.impl.DSL;
import social.starling.model.Notification;
import social.starling.model.NotificationType;

/** Notifications and their group keys (for Mastodon's grouped notifications). */
public final class NotificationRepository {

    public void insert(Tx tx, Notification n) {
        tx.dsl().insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.ID, n.id())
                .set(NOTIFICATIONS.ACCOUNT_ID, n.accountId())
                .set(NOTIFICATIONS.FROM_ACCOUNT_ID, n.fromAccountId())
                .set(NOTIFICATIONS.TYPE, n.type().wireName())
                .set(NOTIFICATIONS.STATUS_ID, n.statusId())
                .set(NOTIFICATIONS.GROUP_KEY, n.groupKey())
                .set(NOTIFICATIONS.CREATED_AT, n.createdAt())
                .execute();
    }

    /** Whether the same notification exists already (a favourite undone and redone notifies once). */
    public boolean exists(Tx tx, long accountId, long fromId, NotificationType type, Long statusId) {
        var c = NOTIFICATIONS.ACCOUNT_ID.eq(accountId).and(NOTIFICATIONS.FROM_ACCOUNT_ID.eq(fromId))
                .and(NOTIFICATIONS.TYPE.eq(type.wireName()));
        c = statusId == null ? c.and(NOTIFICATIONS.STATUS_ID.isNull()) : c.and(NOTIFICATIONS.STATUS_ID.eq(statusId));
        return tx.dsl().fetchExists(NOTIFICATIONS, c);
    }

    /** The newest group key starting with {@code prefix} for this account, to extend a recent group. */
    public Optional<String> latestGroupKey(Tx tx, long accountId, String prefix) {
        return tx.dsl().select(NOTIFICATIONS.GROUP_KEY).from(NOTIFICATIONS)
                .where(NOTIFICATIONS.ACCOUNT_ID.eq(accountId)).and(NOTIFICATIONS.GROUP_KEY.startsWith(prefix + "-"))
                .orderBy(NOTIFICATIONS.ID.desc()).limit(1).fetchOptional(NOTIFICATIONS.GROUP_KEY);
    }

    /** Whether {@code accountId} muted the thread (conversation) that {@code statusId} belongs to. */
    public boolean threadMuted(Tx tx, long accountId, long statusId) {
        var st = social.starling.db.schema.Tables.STATUSES;
        var cm = social.starling.db.schema.Tables.CONVERSATION_MUTES;
        return tx.dsl().fetchExists(DSL.selectOne().from(cm).join(st).on(st.CONVERSATION_ID.eq(cm.CONVERSATION_ID))
                .where(cm.ACCOUNT_ID.eq(accountId)).and(st.ID.eq(statusId)));
    }

    public void deleteFor(Tx tx, long accountId, long fromId, NotificationType type, Long statusId) {
        var c = NOTIFICATIONS.ACCOUNT_ID.eq(accountId).and(NOTIFICATIONS.FROM_ACCOUNT_ID.eq(fromId))
                .and(NOTIFICATIONS.TYPE.eq(type.wireName()));
        c = statusId == null ? c : c.and(NOTIFICATIONS.STATUS_ID.eq(statusId));
        tx.dsl().deleteFrom(NOTIFICATIONS).where(c).execute();
    }

    /** Removes what {@code fromId} caused for {@code accountId} (blocking someone clears their notifications). */
    public void deleteAllFrom(Tx tx, long accountId, long fromId) {
        tx.dsl().deleteFrom(NOTIFICATIONS).where(NOTIFICATIONS.ACCOUNT_ID.eq(accountId))
                .and(NOTIFICATIONS.FROM_ACCOUNT_ID.eq(fromId)).execute();
    }

    public static Notification toNotification(Record r) {
        return new Notification(r.get(NOTIFICATIONS.ID), r.get(NOTIFICATIONS.ACCOUNT_ID),
                r.get(NOTIFICATIONS.FROM_ACCOUNT_ID), NotificationType.parse(r.get(NOTIFICATIONS.TYPE)).orElseThrow(),
                r.get(NOTIFICATIONS.STATUS_ID), r.get(NOTIFICATIONS.GROUP_KEY), r.get(NOTIFICATIONS.CREATED_AT));
    }
}
