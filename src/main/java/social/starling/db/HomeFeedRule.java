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

    /** Whether {@link #S} belongs in {@code owner}'s home feed (see the class comment). */
    static Condition admits(Field<Long> owner, Instant now) {
        Field<Long> author = S.ACCOUNT_ID;
        Field<Long> reblogged = O.ACCOUNT_ID;
        Condition reblog = S.REBLOG_OF_ID.isNull().or(F.SHOW_REBLOGS.isTrue()
                .and(reblogged.ne(owner))
                .and(O.VISIBILITY.in(DSL.inline(Visibility.PUBLIC.wireName()), DSL.inline(Visibility.UNLISTED.wireName()))));
        var f2 = FOLLOWS.as("f2");
        Condition reply = S.IN_REPLY_TO_ACCOUNT_ID.isNull()
                .or(S.IN_REPLY_TO_ACCOUNT_ID.eq(author))
                .or(S.IN_REPLY_TO_ACCOUNT_ID.eq(owner))
                .or(DSL.exists(DSL.selectOne().from(f2).where(f2.ACCOUNT_ID.eq(owner))
                        .and(f2.TARGET_ACCOUNT_ID.eq(S.IN_REPLY_TO_ACCOUNT_ID))));
        Condition direct = S.VISIBILITY.ne(DSL.inline(Visibility.DIRECT.wireName()))
                .or(DSL.exists(DSL.selectOne().from(STATUS_MENTIONS).where(STATUS_MENTIONS.STATUS_ID.eq(S.ID))
                        .and(STATUS_MENTIONS.ACCOUNT_ID.eq(owner))));
        Condition language = S.LANGUAGE.isNull().or(S.LANGUAGE.eq(DSL.inline(""))).or(F.LANGUAGES.isNull())
                .or(F.LANGUAGES.contains(DSL.inline("\"").concat(S.LANGUAGE).concat(DSL.inline("\""))));
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
        return S.REBLOG_OF_ID.isNull().or(O.ID.isNotNull()).and(author.eq(owner).or(followed));
    }

    /** A reblog is left out of a feed that holds its original or another reblog of it already. */
    static Condition notTwice(Field<Long> owner) {
        var seen = FEED_ENTRIES.as("seen");
        return S.REBLOG_OF_ID.isNull().or(DSL.notExists(DSL.selectOne().from(seen).where(seen.ACCOUNT_ID.eq(owner))
                .and(seen.STATUS_ID.eq(S.REBLOG_OF_ID).or(seen.REBLOG_OF_ID.eq(S.REBLOG_OF_ID)))));
    }
}
