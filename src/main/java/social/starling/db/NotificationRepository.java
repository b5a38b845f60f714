package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.NOTIFICATIONS;
import static social.starling.db.schema.Tables.NOTIFICATION_REQUESTS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import social.starling.model.Notification;
import social.starling.model.NotificationType;
import social.starling.model.Page;

/** Notifications and their group keys (for Mastodon's grouped notifications). */
public final class NotificationRepository {
    /** Above this many values an IN list is inlined, to stay clear of the drivers' bind-parameter limits. */
    private static final int MAX_BINDS = 500;

    /**
     * Which of a person's notifications a read takes: of these types (null: all), from this sender (null: anyone),
     * leaving out these senders and senders on these domains, and notifications a policy filtered unless
     * {@code includeFiltered}. Senders whose account is suspended are always left out (Mastodon's
     * {@code without_suspended}).
     */
    public record Filter(Set<NotificationType> types, Long fromAccountId, Set<Long> excludedSenders,
                         Set<String> excludedDomains, boolean includeFiltered) {
        /** Only the sender exclusions (and whether filtered ones count), for reading whole groups. */
        public Filter sendersOnly() {
            return new Filter(null, null, excludedSenders, excludedDomains, includeFiltered);
        }
    }

    /** A group's figures up to a notification id: size, newest member, newest senders, oldest member in a page. */
    public record GroupStats(String groupKey, int count, long mostRecentId, Instant mostRecentAt,
                             List<Long> sampleAccountIds, long pageMinId) {
    }

    public void insert(Tx tx, Notification n) {
        tx.dsl().insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.ID, n.id())
                .set(NOTIFICATIONS.ACCOUNT_ID, n.accountId())
                .set(NOTIFICATIONS.FROM_ACCOUNT_ID, n.fromAccountId())
                .set(NOTIFICATIONS.TYPE, n.type().wireName())
                .set(NOTIFICATIONS.STATUS_ID, n.statusId())
                .set(NOTIFICATIONS.GROUP_KEY, n.groupKey())
                .set(NOTIFICATIONS.CREATED_AT, n.createdAt())
                .set(NOTIFICATIONS.FILTERED, n.filtered())
                .set(NOTIFICATIONS.REPORT_ID, n.reportId())
                .execute();
    }

    /** How many of {@code fromId}'s mentions of {@code accountId} a policy filtered, counting at most {@code cap}. */
    public int countFilteredMentions(Tx tx, long accountId, long fromId, int cap) {
        return tx.dsl().fetchCount(tx.dsl().selectOne().from(NOTIFICATIONS)
                .where(filteredFrom(accountId, fromId)).and(NOTIFICATIONS.TYPE.eq(NotificationType.MENTION.wireName()))
                .limit(cap));
    }

    /** The filtered notifications of {@code fromId} to {@code accountId}, oldest first. */
    public List<Notification> filteredFrom(Tx tx, long accountId, long fromId) {
        return tx.dsl().selectFrom(NOTIFICATIONS).where(filteredFrom(accountId, fromId)).orderBy(NOTIFICATIONS.ID)
                .fetch(NotificationRepository::toNotification);
    }

    /** Lets {@code fromId}'s filtered notifications to {@code accountId} into the lists. */
    public int unfilter(Tx tx, long accountId, long fromId) {
        return tx.dsl().update(NOTIFICATIONS).set(NOTIFICATIONS.FILTERED, false)
                .where(filteredFrom(accountId, fromId)).execute();
    }

    public int deleteFiltered(Tx tx, long accountId, long fromId) {
        return tx.dsl().deleteFrom(NOTIFICATIONS).where(filteredFrom(accountId, fromId)).execute();
    }

    private static Condition filteredFrom(long accountId, long fromId) {
        return NOTIFICATIONS.ACCOUNT_ID.eq(accountId).and(NOTIFICATIONS.FROM_ACCOUNT_ID.eq(fromId))
                .and(NOTIFICATIONS.FILTERED.isTrue());
    }

    /** Whether the same notification exists already (a favourite undone and redone notifies once). */
    public boolean exists(Tx tx, long accountId, long fromId, NotificationType type, Long statusId) {
        return exists(tx, accountId, fromId, type, statusId, null);
    }

    /** As {@link #exists(Tx, long, long, NotificationType, Long)}, about one report (null: none). */
    public boolean exists(Tx tx, long accountId, long fromId, NotificationType type, Long statusId, Long reportId) {
        var c = NOTIFICATIONS.ACCOUNT_ID.eq(accountId).and(NOTIFICATIONS.FROM_ACCOUNT_ID.eq(fromId))
                .and(NOTIFICATIONS.TYPE.eq(type.wireName()));
        c = statusId == null ? c.and(NOTIFICATIONS.STATUS_ID.isNull()) : c.and(NOTIFICATIONS.STATUS_ID.eq(statusId));
        c = reportId == null ? c.and(NOTIFICATIONS.REPORT_ID.isNull()) : c.and(NOTIFICATIONS.REPORT_ID.eq(reportId));
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

    /**
     * Removes what {@code fromId} caused for {@code accountId}, their notification request included (blocking
     * someone clears their notifications, as Mastodon's AfterBlockService).
     */
    public void deleteAllFrom(Tx tx, long accountId, long fromId) {
        tx.dsl().deleteFrom(NOTIFICATIONS).where(NOTIFICATIONS.ACCOUNT_ID.eq(accountId))
                .and(NOTIFICATIONS.FROM_ACCOUNT_ID.eq(fromId)).execute();
        tx.dsl().deleteFrom(NOTIFICATION_REQUESTS).where(NOTIFICATION_REQUESTS.ACCOUNT_ID.eq(accountId))
                .and(NOTIFICATION_REQUESTS.FROM_ACCOUNT_ID.eq(fromId)).execute();
    }

    /**
     * One step of a walk through {@code accountId}'s notifications: up to {@code limit} rows strictly between
     * {@code above} and {@code below} (either may be null), newest first, or oldest first when {@code ascending}.
     * Rows of a type in {@code groupedTypes} whose group key is in {@code skipGroups} are left out (the walk has
     * seen their group already).
     */
    public List<Notification> walk(Tx tx, long accountId, Filter f, Long below, Long above, boolean ascending,
                                   int limit, Set<NotificationType> groupedTypes, Set<String> skipGroups) {
        Condition c = visible(accountId, f);
        if (below != null) {
            c = c.and(NOTIFICATIONS.ID.lt(below));
        }
        if (above != null) {
            c = c.and(NOTIFICATIONS.ID.gt(above));
        }
        if (!skipGroups.isEmpty() && !groupedTypes.isEmpty()) {
            c = c.andNot(NOTIFICATIONS.TYPE.in(names(groupedTypes)).and(NOTIFICATIONS.GROUP_KEY.in(skipGroups)));
        }
        return select(tx, c).orderBy(ascending ? NOTIFICATIONS.ID.asc() : NOTIFICATIONS.ID.desc())
                .limit(limit).fetch(NotificationRepository::toNotification);
    }

    /** One notification of {@code accountId}, if the filter lets it through. */
    public Optional<Notification> find(Tx tx, long accountId, long id, Filter f) {
        return select(tx, visible(accountId, f).and(NOTIFICATIONS.ID.eq(id)))
                .fetchOptional(NotificationRepository::toNotification);
    }

    /** The members of a group, newest first (paged by notification id). */
    public List<Notification> inGroup(Tx tx, long accountId, String groupKey, Filter f, Page page) {
        return Paging.fetch(select(tx, visible(accountId, f).and(NOTIFICATIONS.GROUP_KEY.eq(groupKey))),
                NOTIFICATIONS.ID, page).stream().map(NotificationRepository::toNotification).toList();
    }

    /**
     * Figures for each group key, counting members with id {@code <= upTo} (null: all) that pass the filter's
     * sender exclusions: the count, the newest member and its time, the {@code samples} newest senders, and the
     * oldest member with id {@code >= from} (null: the oldest). Two queries for any number of groups.
     */
    public Map<String, GroupStats> groupStats(Tx tx, long accountId, Collection<String> keys, Filter f, Long upTo,
                                              Long from, int samples) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Condition c = visible(accountId, f.sendersOnly()).and(NOTIFICATIONS.GROUP_KEY.in(keys));
        if (upTo != null) {
            c = c.and(NOTIFICATIONS.ID.le(upTo));
        }
        Field<Long> pageMin = DSL.min(DSL.when(NOTIFICATIONS.ID.ge(from == null ? Long.MIN_VALUE : from),
                NOTIFICATIONS.ID)).as("page_min");
        Map<String, Object[]> totals = new HashMap<>();
        tx.dsl().select(NOTIFICATIONS.GROUP_KEY, DSL.count(), pageMin)
                .from(NOTIFICATIONS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(NOTIFICATIONS.FROM_ACCOUNT_ID))
                .where(c).groupBy(NOTIFICATIONS.GROUP_KEY)
                .forEach(r -> totals.put(r.value1(), new Object[] {r.value2(), r.value3()}));

        Field<Integer> rank = DSL.rowNumber().over(DSL.partitionBy(NOTIFICATIONS.GROUP_KEY)
                .orderBy(NOTIFICATIONS.ID.desc())).as("rn");
        var ranked = tx.dsl().select(NOTIFICATIONS.GROUP_KEY, NOTIFICATIONS.ID, NOTIFICATIONS.FROM_ACCOUNT_ID,
                        NOTIFICATIONS.CREATED_AT, rank)
                .from(NOTIFICATIONS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(NOTIFICATIONS.FROM_ACCOUNT_ID))
                .where(c).asTable("ranked");
        Field<String> key = ranked.field(NOTIFICATIONS.GROUP_KEY);
        Field<Long> id = ranked.field(NOTIFICATIONS.ID);
        Field<Long> sender = ranked.field(NOTIFICATIONS.FROM_ACCOUNT_ID);
        Field<Instant> at = ranked.field(NOTIFICATIONS.CREATED_AT);
        Map<String, List<Record>> newest = new LinkedHashMap<>();
        tx.dsl().select(key, id, sender, at).from(ranked).where(ranked.field(rank).le(samples))
                .orderBy(key, id.desc())
                .forEach(r -> newest.computeIfAbsent(r.get(key), k -> new ArrayList<>()).add(r));

        Map<String, GroupStats> out = new HashMap<>();
        newest.forEach((k, rows) -> {
            Object[] t = totals.get(k);
            if (t == null) {
                return;
            }
            List<Long> senders = rows.stream().map(r -> r.get(sender)).distinct().toList();
            long oldest = t[1] == null ? rows.getLast().get(id) : ((Number) t[1]).longValue();
            out.put(k, new GroupStats(k, ((Number) t[0]).intValue(), rows.getFirst().get(id),
                    rows.getFirst().get(at), senders, oldest));
        });
        return out;
    }

    /** Deletes one of {@code accountId}'s notifications; false if there was none. */
    public boolean delete(Tx tx, long accountId, long id) {
        return tx.dsl().deleteFrom(NOTIFICATIONS).where(NOTIFICATIONS.ACCOUNT_ID.eq(accountId))
                .and(NOTIFICATIONS.ID.eq(id)).execute() > 0;
    }

    public int deleteGroup(Tx tx, long accountId, String groupKey) {
        return tx.dsl().deleteFrom(NOTIFICATIONS).where(NOTIFICATIONS.ACCOUNT_ID.eq(accountId))
                .and(NOTIFICATIONS.GROUP_KEY.eq(groupKey)).execute();
    }

    public int deleteAll(Tx tx, long accountId) {
        return tx.dsl().deleteFrom(NOTIFICATIONS).where(NOTIFICATIONS.ACCOUNT_ID.eq(accountId)).execute();
    }

    private static SelectConditionStep<Record> select(Tx tx, Condition c) {
        return tx.dsl().select(NOTIFICATIONS.fields()).from(NOTIFICATIONS)
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(NOTIFICATIONS.FROM_ACCOUNT_ID))
                .where(c);
    }

    private static Condition visible(long accountId, Filter f) {
        Condition c = NOTIFICATIONS.ACCOUNT_ID.eq(accountId).and(ACCOUNTS.SUSPENDED_AT.isNull());
        if (!f.includeFiltered()) {
            c = c.and(NOTIFICATIONS.FILTERED.isFalse());
        }
        if (f.types() != null) {
            c = c.and(f.types().isEmpty() ? DSL.falseCondition() : NOTIFICATIONS.TYPE.in(names(f.types())));
        }
        if (f.fromAccountId() != null) {
            c = c.and(NOTIFICATIONS.FROM_ACCOUNT_ID.eq(f.fromAccountId()));
        }
        if (!f.excludedSenders().isEmpty()) {
            c = c.and(f.excludedSenders().size() > MAX_BINDS
                    ? NOTIFICATIONS.FROM_ACCOUNT_ID.notIn(f.excludedSenders().stream().map(DSL::inline).toList())
                    : NOTIFICATIONS.FROM_ACCOUNT_ID.notIn(f.excludedSenders()));
        }
        if (!f.excludedDomains().isEmpty()) {
            c = c.and(f.excludedDomains().size() > MAX_BINDS
                    ? ACCOUNTS.DOMAIN.notIn(f.excludedDomains().stream().map(DSL::inline).toList())
                    : ACCOUNTS.DOMAIN.notIn(f.excludedDomains()));
        }
        return c;
    }

    private static List<String> names(Collection<NotificationType> types) {
        return types.stream().map(NotificationType::wireName).toList();
    }

    public static Notification toNotification(Record r) {
        return new Notification(r.get(NOTIFICATIONS.ID), r.get(NOTIFICATIONS.ACCOUNT_ID),
                r.get(NOTIFICATIONS.FROM_ACCOUNT_ID), NotificationType.parse(r.get(NOTIFICATIONS.TYPE)).orElseThrow(),
                r.get(NOTIFICATIONS.STATUS_ID), r.get(NOTIFICATIONS.GROUP_KEY), r.get(NOTIFICATIONS.CREATED_AT),
                Boolean.TRUE.equals(r.get(NOTIFICATIONS.FILTERED)), r.get(NOTIFICATIONS.REPORT_ID));
    }
}
