package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.STATUS_TAGS;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import social.starling.model.IdGenerator;
import social.starling.model.Page;
import social.starling.model.Visibility;

/** Read-time queries over hashtag use: the hashtag timeline and a tag's daily usage. */
public final class TagFeedRepository {
    /** Ids are milliseconds shifted left 16 bits: dividing by this gives the UTC day (days since the epoch). */
    private static final long ID_SPAN_OF_DAY = 86_400_000L << 16;

    /**
     * What a hashtag timeline asks for, as tag ids: at least one of {@code any}, every one of {@code all}, none
     * of {@code none}; {@code local} true for local statuses only, false for remote only, null for both.
     */
    public record TagQuery(List<Long> any, List<Long> all, List<Long> none, Boolean local) {
    }

    /** One UTC day of a tag's use: statuses and distinct authors. */
    public record DayUse(long epochDay, int uses, int accounts) {
    }

    /**
     * A page of a hashtag timeline: public statuses (never reblogs) by accounts not suspended, and by silenced
     * ones only for their followers (see {@link StatusRepository#silencedHiddenFrom}), matching the query, minus what {@code viewerId} blocks or mutes.
     */
    public List<Long> timeline(Tx tx, TagQuery query, Long viewerId, Page page, Instant now) {
        if (query.any().isEmpty()) {
            return List.of();
        }
        var st = STATUS_TAGS;
        // 'public' written into the SQL, not bound: bound, PostgreSQL's generic plan guessed a quarter of the rows
        // public, found it dearer than a plan made for the values, and planned again on every execution (1.35 ms of
        // a 1.6 ms statement, bench/README.md "The final sweep").
        Condition c = st.TAG_ID.in(query.any())
                .and(STATUSES.VISIBILITY.eq(DSL.inline(Visibility.PUBLIC.wireName())))
                .and(STATUSES.REBLOG_OF_ID.isNull())
                .and(ACCOUNTS.SUSPENDED_AT.isNull())
                .and(ACCOUNTS.SILENCED_AT.isNull().or(DSL.not(StatusRepository.silencedHiddenFrom(viewerId))))
                .and(ViewerFilters.authorAllowed(STATUSES.ACCOUNT_ID, ACCOUNTS.DOMAIN, viewerId, now));
        for (long tagId : query.all()) {
            var other = STATUS_TAGS.as("all_" + tagId);
            c = c.and(DSL.exists(DSL.selectOne().from(other).where(other.STATUS_ID.eq(st.STATUS_ID))
                    .and(other.TAG_ID.eq(tagId))));
        }
        if (!query.none().isEmpty()) {
            var other = STATUS_TAGS.as("none_tags");
            c = c.and(DSL.notExists(DSL.selectOne().from(other).where(other.STATUS_ID.eq(st.STATUS_ID))
                    .and(other.TAG_ID.in(query.none()))));
        }
        if (query.local() != null) {
            c = c.and(STATUSES.LOCAL.eq(query.local()));
        }
        var q = tx.dsl().selectDistinct(st.STATUS_ID).from(st)
                .join(STATUSES).on(STATUSES.ID.eq(st.STATUS_ID))
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(STATUSES.ACCOUNT_ID))
                .where(c);
        return Paging.fetch(q, st.STATUS_ID, page).stream().map(r -> r.value1()).toList();
    }

    /**
     * Uses of tags per UTC day since {@code since}, by tag id and then epoch day: public and unlisted statuses (not
     * reblogs) by accounts that are not suspended, and how many distinct accounts posted them. Days without use
     * are absent.
     */
    public Map<Long, Map<Long, DayUse>> dailyUse(Tx tx, Collection<Long> tagIds, Instant since) {
        Map<Long, Map<Long, DayUse>> out = new HashMap<>();
        if (tagIds.isEmpty()) {
            return out;
        }
        Field<Long> day = STATUS_TAGS.STATUS_ID.div(DSL.inline(ID_SPAN_OF_DAY));
        tx.dsl().select(STATUS_TAGS.TAG_ID, day, DSL.count(), DSL.countDistinct(STATUSES.ACCOUNT_ID))
                .from(STATUS_TAGS)
                .join(STATUSES).on(STATUSES.ID.eq(STATUS_TAGS.STATUS_ID))
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(STATUSES.ACCOUNT_ID))
                .where(STATUS_TAGS.TAG_ID.in(tagIds))
                .and(STATUS_TAGS.STATUS_ID.ge(IdGenerator.floor(since)))
                .and(STATUSES.VISIBILITY.in(Visibility.PUBLIC.wireName(), Visibility.UNLISTED.wireName()))
                .and(STATUSES.REBLOG_OF_ID.isNull())
                .and(ACCOUNTS.SUSPENDED_AT.isNull())
                .groupBy(STATUS_TAGS.TAG_ID, day)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new HashMap<>())
                        .put(r.value2(), new DayUse(r.value2(), r.value3(), r.value4())));
        return out;
    }
}
