package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.FAVOURITES;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.MEDIA_ATTACHMENTS;
import static social.starling.db.schema.Tables.REPORTS;
import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.USERS;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The admin dashboard's counts: per UTC day (the day as its index since the epoch) over {@code [from, to)}, and
 * top-N groupings. Every query is bounded by a time range and grouped in the database.
 */
public final class MetricsRepository {
    private static final long DAY_MILLIS = 86_400_000L;

    /** Users (local accounts) created per day. */
    public Map<Long, Long> newUsers(Tx tx, Instant from, Instant to) {
        return countByDay(tx, USERS, USERS.CREATED_AT, DSL.noCondition(), from, to);
    }

    /** Reports filed per day. */
    public Map<Long, Long> openedReports(Tx tx, Instant from, Instant to) {
        return countByDay(tx, REPORTS, REPORTS.CREATED_AT, DSL.noCondition(), from, to);
    }

    /** Reports acted on per day. */
    public Map<Long, Long> resolvedReports(Tx tx, Instant from, Instant to) {
        return countByDay(tx, REPORTS, REPORTS.ACTION_TAKEN_AT, DSL.noCondition(), from, to);
    }

    /** Favourites, boosts and replies of local statuses, per day they happened. */
    public Map<Long, Long> interactions(Tx tx, Instant from, Instant to) {
        Select<Record1<Long>> local = DSL.select(STATUSES.ID).from(STATUSES).where(STATUSES.LOCAL.isTrue());
        Map<Long, Long> sum = new HashMap<>(countByDay(tx, FAVOURITES, FAVOURITES.CREATED_AT,
                FAVOURITES.STATUS_ID.in(local), from, to));
        countByDay(tx, STATUSES, STATUSES.CREATED_AT, STATUSES.REBLOG_OF_ID.in(local), from, to)
                .forEach((day, n) -> sum.merge(day, n, Long::sum));
        countByDay(tx, STATUSES, STATUSES.CREATED_AT, STATUSES.IN_REPLY_TO_ID.in(local), from, to)
                .forEach((day, n) -> sum.merge(day, n, Long::sum));
        return sum;
    }

    /** Accounts of {@code domain} first seen per day. */
    public Map<Long, Long> instanceAccounts(Tx tx, String domain, Instant from, Instant to) {
        return countByDay(tx, ACCOUNTS, ACCOUNTS.CREATED_AT, ACCOUNTS.DOMAIN.eq(domain), from, to);
    }

    /** Statuses by accounts of {@code domain} per day. */
    public Map<Long, Long> instanceStatuses(Tx tx, String domain, Instant from, Instant to) {
        return countByDay(tx, STATUSES, STATUSES.CREATED_AT, STATUSES.ACCOUNT_ID.in(accountsOf(domain)), from, to);
    }

    /** Follows by local accounts of accounts of {@code domain}, per day. */
    public Map<Long, Long> instanceFollows(Tx tx, String domain, Instant from, Instant to) {
        return countByDay(tx, FOLLOWS, FOLLOWS.CREATED_AT, FOLLOWS.TARGET_ACCOUNT_ID.in(accountsOf(domain))
                .and(FOLLOWS.ACCOUNT_ID.in(accountsOf(""))), from, to);
    }

    /** Follows of local accounts by accounts of {@code domain}, per day. */
    public Map<Long, Long> instanceFollowers(Tx tx, String domain, Instant from, Instant to) {
        return countByDay(tx, FOLLOWS, FOLLOWS.CREATED_AT, FOLLOWS.ACCOUNT_ID.in(accountsOf(domain))
                .and(FOLLOWS.TARGET_ACCOUNT_ID.in(accountsOf(""))), from, to);
    }

    /** Reports about accounts of {@code domain} per day. */
    public Map<Long, Long> instanceReports(Tx tx, String domain, Instant from, Instant to) {
        return countByDay(tx, REPORTS, REPORTS.CREATED_AT, REPORTS.TARGET_ACCOUNT_ID.in(accountsOf(domain)), from,
                to);
    }

    /** Bytes of media (file and thumbnail) of accounts of {@code domain}, per day the attachment was created. */
    public Map<Long, Long> instanceMediaBytes(Tx tx, String domain, Instant from, Instant to) {
        Field<Long> day = day(MEDIA_ATTACHMENTS.CREATED_AT);
        Field<Long> bytes = DSL.sum(MEDIA_ATTACHMENTS.FILE_SIZE.plus(MEDIA_ATTACHMENTS.THUMBNAIL_SIZE))
                .cast(Long.class);
        Map<Long, Long> out = new HashMap<>();
        tx.dsl().select(day, bytes).from(MEDIA_ATTACHMENTS)
                .where(MEDIA_ATTACHMENTS.ACCOUNT_ID.in(accountsOf(domain)))
                .and(MEDIA_ATTACHMENTS.CREATED_AT.ge(from)).and(MEDIA_ATTACHMENTS.CREATED_AT.lt(to))
                .groupBy(day)
                .forEach((Record2<Long, Long> r) -> out.put(r.value1(), r.value2() == null ? 0L : r.value2()));
        return out;
    }

    /** Remote servers by statuses created in the range, most first. */
    public Map<String, Long> serversByStatuses(Tx tx, Instant from, Instant to, int limit) {
        Field<Integer> n = DSL.count();
        Map<String, Long> out = new LinkedHashMap<>();
        tx.dsl().select(ACCOUNTS.DOMAIN, n).from(STATUSES).join(ACCOUNTS).on(ACCOUNTS.ID.eq(STATUSES.ACCOUNT_ID))
                .where(ACCOUNTS.DOMAIN.ne("")).and(STATUSES.CREATED_AT.ge(from)).and(STATUSES.CREATED_AT.lt(to))
                .groupBy(ACCOUNTS.DOMAIN).orderBy(n.desc(), ACCOUNTS.DOMAIN).limit(limit)
                .forEach(r -> out.put(r.value1(), r.value2().longValue()));
        return out;
    }

    /** Languages of statuses by accounts of {@code domain} ("" = local) created in the range, most first. */
    public Map<String, Long> languages(Tx tx, String domain, Instant from, Instant to, int limit) {
        Field<Integer> n = DSL.count();
        Map<String, Long> out = new LinkedHashMap<>();
        tx.dsl().select(STATUSES.LANGUAGE, n).from(STATUSES)
                .where(STATUSES.ACCOUNT_ID.in(accountsOf(domain))).and(STATUSES.LANGUAGE.isNotNull())
                .and(STATUSES.REBLOG_OF_ID.isNull())
                .and(STATUSES.CREATED_AT.ge(from)).and(STATUSES.CREATED_AT.lt(to))
                .groupBy(STATUSES.LANGUAGE).orderBy(n.desc(), STATUSES.LANGUAGE).limit(limit)
                .forEach(r -> out.put(r.value1(), r.value2().longValue()));
        return out;
    }

    /** Accounts of {@code domain} by local followers gained in the range, most first (username → count). */
    public Map<String, Long> mostFollowedOf(Tx tx, String domain, Instant from, Instant to, int limit) {
        Field<Integer> n = DSL.count();
        Map<String, Long> out = new LinkedHashMap<>();
        tx.dsl().select(ACCOUNTS.USERNAME, n).from(FOLLOWS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(FOLLOWS.TARGET_ACCOUNT_ID))
                .where(ACCOUNTS.DOMAIN.eq(domain)).and(FOLLOWS.ACCOUNT_ID.in(accountsOf("")))
                .and(FOLLOWS.CREATED_AT.ge(from)).and(FOLLOWS.CREATED_AT.lt(to))
                .groupBy(ACCOUNTS.USERNAME).orderBy(n.desc(), ACCOUNTS.USERNAME).limit(limit)
                .forEach(r -> out.put(r.value1(), r.value2().longValue()));
        return out;
    }

    private static Select<Record1<Long>> accountsOf(String domain) {
        return DSL.select(ACCOUNTS.ID).from(ACCOUNTS).where(ACCOUNTS.DOMAIN.eq(domain));
    }

    private static Map<Long, Long> countByDay(Tx tx, Table<?> table, Field<Instant> at, Condition where,
                                              Instant from, Instant to) {
        Field<Long> day = day(at);
        Map<Long, Long> out = new HashMap<>();
        tx.dsl().select(day, DSL.count().cast(Long.class)).from(table).where(where).and(at.ge(from)).and(at.lt(to))
                .groupBy(day)
                .forEach((Record2<Long, Long> r) -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** The UTC day index of an epoch-millisecond column; the divisor is inlined so GROUP BY matches SELECT. */
    private static Field<Long> day(Field<Instant> at) {
        return DSL.field(at.getQualifiedName(), Long.class).div(DSL.inline(DAY_MILLIS));
    }
}
