package social.starling.db;

import static social.starling.db.schema.Tables.BLOCKS;
import static social.starling.db.schema.Tables.FEED_ENTRIES;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.LISTS;
import static social.starling.db.schema.Tables.LIST_ACCOUNTS;
import static social.starling.db.schema.Tables.MUTES;
import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.STATUS_MENTIONS;

import java.time.Instant;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import social.starling.db.schema.tables.Follows;
import social.starling.db.schema.tables.Statuses;
import social.starling.model.Visibility;

/**
 * Who gets a status in their home feed: Mastodon's home-feed rules (FeedManager#filter_from_home, and
 * #add_to_feed's "not twice" for reblogs) as one condition over a candidate feed owner and a status. Fan-out
 * ({@link FeedRepository#fanOut}), the rebuild of a stale feed ({@link FeedRepository#rebuild}) and the merge after
 * a follow ({@link FeedRepository#merge}) each select through {@link #admits}, so the three agree by construction.
 *
 * <p>The query using it selects from {@link #S} (the status), left-joins {@link #O} on {@code O.id =
 * S.reblog_of_id} (what it reblogs), and joins {@link #F}, the owner's follow of the author (left-joined where the
 * owner's own statuses are candidates too). A status is admitted when it is the owner's own, or when all of these
 * hold:
 * <ul>
 * <li>the owner follows its author, mutes neither the author nor the reblogged author (a timed mute applies until
 *     it expires), and neither blocks the other nor is blocked by them;</li>
 * <li>the author is not in one of the owner's exclusive lists (Mastodon 4.2);</li>
 * <li>a reblog: the follow shows reblogs, the reblogged status is not the owner's, and is public or unlisted;</li>
 * <li>a reply: to its own author, to the owner, or to someone the owner follows;</li>
 * <li>direct: only where the owner is mentioned;</li>
 * <li>the follow's languages, when it names some and the status has one.</li>
 * </ul>
 * A reblog of what the feed holds already (the original or another reblog of it) is left out ({@link #notTwice}
 * for fan-out and merge; the rebuild keeps the newest reblog of each original among those it admits).
 */
final class HomeFeedRule {
    /** The status considered. */
    static final Statuses S = STATUSES.as("s");
    /** The status {@link #S} reblogs, left-joined: all null when it reblogs nothing. */
    static final Statuses O = STATUSES.as("o");
    /** The feed owner's follow of {@link #S}'s author. */
    static final Follows F = FOLLOWS.as("f");

    private HomeFeedRule() {
    }

    /**
     * What the rule reads of the status considered: the columns of {@link #S} and {@link #O} in a query over them
     * ({@link #COLUMNS}), or one status's values ({@link #of}), so that a fan-out's plan does not depend on how
     * the planner would join {@code statuses} (PostgreSQL hashed the whole table to find the reblogged status).
     * {@code original} is {@link #O}'s id: null when the status reblogs nothing or what it reblogged is gone.
     */
    record Facts(Field<Long> id, Field<Long> author, Field<Long> reblogOf, Field<Long> original,
                 Field<Long> reblogAuthor, Field<String> reblogVisibility, Field<Long> inReplyToAccount,
                 Field<String> visibility, Field<String> language) {
    }

    static final Facts COLUMNS = new Facts(S.ID, S.ACCOUNT_ID, S.REBLOG_OF_ID, O.ID, O.ACCOUNT_ID, O.VISIBILITY,
            S.IN_REPLY_TO_ACCOUNT_ID, S.VISIBILITY, S.LANGUAGE);

    /**
     * The facts of one status, in the order of {@link #FACT_FIELDS}: each bound as a value, or an inline null (so the
     * statement's text tells which facts are null, and its bound values are plain).
     */
    static Facts of(Object[] v) {
        return new Facts(fact(v[0], SQLDataType.BIGINT), fact(v[1], SQLDataType.BIGINT), fact(v[2], SQLDataType.BIGINT),
                fact(v[3], SQLDataType.BIGINT), fact(v[4], SQLDataType.BIGINT), fact(v[5], SQLDataType.VARCHAR),
                fact(v[6], SQLDataType.BIGINT), fact(v[7], SQLDataType.VARCHAR), fact(v[8], SQLDataType.VARCHAR));
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> fact(Object value, org.jooq.DataType<T> type) {
        return value == null ? DSL.inline((T) null, type) : DSL.val((T) value, type);
    }

    /** What {@link #of} reads, from {@link #S} left-joined with {@link #O}. */
    static final java.util.List<Field<?>> FACT_FIELDS = java.util.List.of(S.ID, S.ACCOUNT_ID, S.REBLOG_OF_ID, O.ID,
            O.ACCOUNT_ID, O.VISIBILITY, S.IN_REPLY_TO_ACCOUNT_ID, S.VISIBILITY, S.LANGUAGE);

    /** Whether {@link #S} belongs in {@code owner}'s home feed (see the class comment). */
    static Condition admits(Field<Long> owner, Instant now) {
        return admits(owner, now, COLUMNS);
    }

    /** Whether the status {@code s} describes belongs in {@code owner}'s home feed (see the class comment). */
    static Condition admits(Field<Long> owner, Instant now, Facts s) {
        Field<Long> author = s.author();
        Field<Long> reblogged = s.reblogAuthor();
        Condition reblog = s.reblogOf().isNull().or(F.SHOW_REBLOGS.isTrue()
                .and(reblogged.ne(owner))
                .and(s.reblogVisibility().in(DSL.inline(Visibility.PUBLIC.wireName()),
                        DSL.inline(Visibility.UNLISTED.wireName()))));
        var f2 = FOLLOWS.as("f2");
        Condition reply = s.inReplyToAccount().isNull()
                .or(s.inReplyToAccount().eq(author))
                .or(s.inReplyToAccount().eq(owner))
                .or(DSL.exists(DSL.selectOne().from(f2).where(f2.ACCOUNT_ID.eq(owner))
                        .and(f2.TARGET_ACCOUNT_ID.eq(s.inReplyToAccount()))));
        Condition direct = s.visibility().ne(DSL.inline(Visibility.DIRECT.wireName()))
                .or(DSL.exists(DSL.selectOne().from(STATUS_MENTIONS).where(STATUS_MENTIONS.STATUS_ID.eq(s.id()))
                        .and(STATUS_MENTIONS.ACCOUNT_ID.eq(owner))));
        Condition language = s.language().isNull().or(s.language().eq(DSL.inline(""))).or(F.LANGUAGES.isNull())
                .or(F.LANGUAGES.contains(DSL.inline("\"").concat(s.language()).concat(DSL.inline("\""))));
        Condition followed = F.ID.isNotNull()
                .and(DSL.notExists(DSL.selectOne().from(MUTES).where(MUTES.ACCOUNT_ID.eq(owner))
                        .and(MUTES.TARGET_ACCOUNT_ID.in(author, reblogged))
                        .and(MUTES.EXPIRES_AT.isNull().or(MUTES.EXPIRES_AT.coerce(SQLDataType.BIGINT).gt(now.toEpochMilli())))))
                .and(DSL.notExists(DSL.selectOne().from(BLOCKS).where(
                        BLOCKS.ACCOUNT_ID.eq(owner).and(BLOCKS.TARGET_ACCOUNT_ID.in(author, reblogged))
                                .or(BLOCKS.TARGET_ACCOUNT_ID.eq(owner).and(BLOCKS.ACCOUNT_ID.in(author, reblogged))))))
                .and(DSL.notExists(DSL.selectOne().from(LIST_ACCOUNTS).join(LISTS).on(LISTS.ID.eq(LIST_ACCOUNTS.LIST_ID))
                        .where(LISTS.ACCOUNT_ID.eq(owner)).and(LISTS.EXCLUSIVE.isTrue())
                        .and(LIST_ACCOUNTS.ACCOUNT_ID.eq(author))))
                .and(reblog).and(reply).and(direct).and(language);
        // A reblog whose original is gone has nothing to show, not even in its author's own feed.
        return s.reblogOf().isNull().or(s.original().isNotNull()).and(author.eq(owner).or(followed));
    }

    /** A reblog is left out of a feed that holds its original or another reblog of it already. */
    static Condition notTwice(Field<Long> owner) {
        return notTwice(owner, COLUMNS);
    }

    static Condition notTwice(Field<Long> owner, Facts s) {
        var seen = FEED_ENTRIES.as("seen");
        return s.reblogOf().isNull().or(DSL.notExists(DSL.selectOne().from(seen).where(seen.ACCOUNT_ID.eq(owner))
                .and(seen.STATUS_ID.eq(s.reblogOf()).or(seen.REBLOG_OF_ID.eq(s.reblogOf())))));
    }
}
