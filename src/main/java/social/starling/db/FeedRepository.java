package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.ACCOUNT_DOMAIN_BLOCKS;
import static social.starling.db.schema.Tables.BLOCKS;
import static social.starling.db.schema.Tables.FEED_ENTRIES;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.LISTS;
import static social.starling.db.schema.Tables.LIST_ACCOUNTS;
import static social.starling.db.schema.Tables.MUTES;
import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.STATUS_MENTIONS;
import static social.starling.db.schema.Tables.STATUS_TAGS;
import static social.starling.db.schema.Tables.TAG_FOLLOWS;
import static social.starling.db.schema.Tables.USERS;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import social.starling.model.Page;
import social.starling.model.Status;
import social.starling.model.Visibility;

/**
 * Materialised home feeds. Fan-out inserts a status into every eligible follower's feed with one
 * {@code INSERT ... SELECT}, applying Mastodon's home-feed rules in SQL (FeedManager#filter_from_home): no authors
 * the follower mutes or blocks (or who block them), reblogs only where the follow shows reblogs and not of the
 * follower's own post, replies only to people the follower follows, direct statuses only to the mentioned,
 * follows restricted to languages honoured, and not to followers who keep the author in an exclusive list.
 * Reading a feed reads only this table (joined to statuses so deleted ones drop out). Public statuses also reach
 * people following one of their hashtags ({@link #fanOutToTagFollowers}).
 */
public final class FeedRepository {

    /** Inserts {@code s} (authored by {@code s.accountId()}) into the feeds of its eligible local followers. */
    public int fanOut(Tx tx, Status s, Long reblogAuthorId, Instant now) {
        var f = FOLLOWS.as("f");
        Field<Long> follower = f.ACCOUNT_ID;
        List<Long> authors = reblogAuthorId == null ? List.of(s.accountId()) : List.of(s.accountId(), reblogAuthorId);
        Condition c = f.TARGET_ACCOUNT_ID.eq(s.accountId())
                .and(USERS.FEED_STALE.isFalse())
                .and(DSL.notExists(DSL.selectOne().from(MUTES).where(MUTES.ACCOUNT_ID.eq(follower))
                        .and(MUTES.TARGET_ACCOUNT_ID.in(authors))
                        .and(MUTES.EXPIRES_AT.isNull().or(MUTES.EXPIRES_AT.gt(now)))))
                .and(DSL.notExists(DSL.selectOne().from(BLOCKS).where(
                        BLOCKS.ACCOUNT_ID.eq(follower).and(BLOCKS.TARGET_ACCOUNT_ID.in(authors))
                                .or(BLOCKS.TARGET_ACCOUNT_ID.eq(follower).and(BLOCKS.ACCOUNT_ID.in(authors))))))
                .and(DSL.notExists(exclusiveListsOf(follower, s.accountId())));
        if (reblogAuthorId != null) {
            var seen = FEED_ENTRIES.as("seen");
            c = c.and(f.SHOW_REBLOGS.isTrue())
                    .and(follower.ne(reblogAuthorId))
                    .and(DSL.notExists(DSL.selectOne().from(seen).where(seen.ACCOUNT_ID.eq(follower))
                            .and(seen.STATUS_ID.eq(s.reblogOfId()).or(seen.REBLOG_OF_ID.eq(s.reblogOfId())))));
        }
        if (s.inReplyToAccountId() != null && !s.inReplyToAccountId().equals(s.accountId())) {
            var f2 = FOLLOWS.as("f2");
            c = c.and(follower.eq(s.inReplyToAccountId()).or(DSL.exists(DSL.selectOne().from(f2)
                    .where(f2.ACCOUNT_ID.eq(follower)).and(f2.TARGET_ACCOUNT_ID.eq(s.inReplyToAccountId())))));
        }
        if (s.visibility() == Visibility.DIRECT) {
            c = c.and(DSL.exists(DSL.selectOne().from(STATUS_MENTIONS)
                    .where(STATUS_MENTIONS.STATUS_ID.eq(s.id())).and(STATUS_MENTIONS.ACCOUNT_ID.eq(follower))));
        }
        if (s.language() != null && !s.language().isBlank()) {
            c = c.and(f.LANGUAGES.isNull().or(f.LANGUAGES.contains("\"" + s.language() + "\"")));
        }
        return tx.dsl().insertInto(FEED_ENTRIES, FEED_ENTRIES.ACCOUNT_ID, FEED_ENTRIES.STATUS_ID,
                        FEED_ENTRIES.AUTHOR_ID, FEED_ENTRIES.REBLOG_OF_ID, FEED_ENTRIES.REBLOG_AUTHOR_ID)
                .select(DSL.select(follower, DSL.val(s.id()), DSL.val(s.accountId()), DSL.val(s.reblogOfId()),
                                DSL.val(reblogAuthorId))
                        .from(f).join(USERS).on(USERS.ACCOUNT_ID.eq(follower))
                        .where(c))
                .onConflictDoNothing()
                .execute();
    }

    /**
     * Inserts a public status into the feeds of local people who follow one of its hashtags (Mastodon's
     * FanOutOnWriteService#deliver_to_hashtag_followers!, filtered as FeedManager#filter_from_tags?): not the
     * author's own, not where the follower blocks or mutes the author or someone mentioned, is blocked by the
     * author, or blocks the author's domain; nothing from suspended or silenced authors. The caller checks that
     * the status is public and not a reblog.
     */
    public int fanOutToTagFollowers(Tx tx, Status s, Instant now) {
        Field<Long> follower = USERS.ACCOUNT_ID;
        var mentioned = DSL.select(STATUS_MENTIONS.ACCOUNT_ID).from(STATUS_MENTIONS)
                .where(STATUS_MENTIONS.STATUS_ID.eq(s.id()));
        var tagFollowers = DSL.select(TAG_FOLLOWS.ACCOUNT_ID).from(TAG_FOLLOWS)
                .join(STATUS_TAGS).on(STATUS_TAGS.TAG_ID.eq(TAG_FOLLOWS.TAG_ID))
                .where(STATUS_TAGS.STATUS_ID.eq(s.id()));
        Condition c = follower.in(tagFollowers)
                .and(follower.ne(s.accountId()))
                .and(USERS.FEED_STALE.isFalse())
                .and(ACCOUNTS.SUSPENDED_AT.isNull()).and(ACCOUNTS.SILENCED_AT.isNull())
                .and(DSL.notExists(DSL.selectOne().from(MUTES).where(MUTES.ACCOUNT_ID.eq(follower))
                        .and(MUTES.TARGET_ACCOUNT_ID.eq(s.accountId()).or(MUTES.TARGET_ACCOUNT_ID.in(mentioned)))
                        .and(MUTES.EXPIRES_AT.isNull().or(MUTES.EXPIRES_AT.gt(now)))))
                .and(DSL.notExists(DSL.selectOne().from(BLOCKS).where(
                        BLOCKS.ACCOUNT_ID.eq(follower).and(BLOCKS.TARGET_ACCOUNT_ID.eq(s.accountId())
                                        .or(BLOCKS.TARGET_ACCOUNT_ID.in(mentioned)))
                                .or(BLOCKS.TARGET_ACCOUNT_ID.eq(follower).and(BLOCKS.ACCOUNT_ID.eq(s.accountId()))))))
                .and(DSL.notExists(DSL.selectOne().from(ACCOUNT_DOMAIN_BLOCKS)
                        .where(ACCOUNT_DOMAIN_BLOCKS.ACCOUNT_ID.eq(follower))
                        .and(ACCOUNT_DOMAIN_BLOCKS.DOMAIN.eq(ACCOUNTS.DOMAIN))));
        return tx.dsl().insertInto(FEED_ENTRIES, FEED_ENTRIES.ACCOUNT_ID, FEED_ENTRIES.STATUS_ID,
                        FEED_ENTRIES.AUTHOR_ID)
                .select(DSL.select(follower, DSL.val(s.id()), DSL.val(s.accountId()))
                        .from(USERS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(s.accountId()))
                        .where(c))
                .onConflictDoNothing()
                .execute();
    }

    /** Accounts in one of {@code accountId}'s exclusive lists: their posts stay out of that home feed. */
    public Set<Long> exclusiveListMembers(Tx tx, long accountId) {
        return new HashSet<>(tx.dsl().selectDistinct(LIST_ACCOUNTS.ACCOUNT_ID).from(LIST_ACCOUNTS)
                .join(LISTS).on(LISTS.ID.eq(LIST_ACCOUNTS.LIST_ID))
                .where(LISTS.ACCOUNT_ID.eq(accountId)).and(LISTS.EXCLUSIVE.isTrue())
                .fetch(LIST_ACCOUNTS.ACCOUNT_ID));
    }

    /** Mastodon 4.2's exclusive lists: a member of one of the follower's exclusive lists skips the home feed. */
    private static org.jooq.Select<?> exclusiveListsOf(Field<Long> follower, long authorId) {
        return DSL.selectOne().from(LIST_ACCOUNTS).join(LISTS).on(LISTS.ID.eq(LIST_ACCOUNTS.LIST_ID))
                .where(LISTS.ACCOUNT_ID.eq(follower)).and(LISTS.EXCLUSIVE.isTrue())
                .and(LIST_ACCOUNTS.ACCOUNT_ID.eq(authorId));
    }

    /** Puts one status in one feed (the author's own, a merge after following). */
    public void insert(Tx tx, long accountId, long statusId, long authorId, Long reblogOfId, Long reblogAuthorId) {
        tx.dsl().insertInto(FEED_ENTRIES)
                .set(FEED_ENTRIES.ACCOUNT_ID, accountId)
                .set(FEED_ENTRIES.STATUS_ID, statusId)
                .set(FEED_ENTRIES.AUTHOR_ID, authorId)
                .set(FEED_ENTRIES.REBLOG_OF_ID, reblogOfId)
                .set(FEED_ENTRIES.REBLOG_AUTHOR_ID, reblogAuthorId)
                .onConflictDoNothing()
                .execute();
    }

    /** A page of a home feed: status ids, newest first, skipping statuses deleted since fan-out. */
    public List<Long> page(Tx tx, long accountId, Page page) {
        var q = tx.dsl().select(FEED_ENTRIES.STATUS_ID).from(FEED_ENTRIES)
                .join(STATUSES).on(STATUSES.ID.eq(FEED_ENTRIES.STATUS_ID))
                .where(FEED_ENTRIES.ACCOUNT_ID.eq(accountId));
        return Paging.fetch(q, FEED_ENTRIES.STATUS_ID, page).stream().map(r -> r.value1()).toList();
    }

    /**
     * {@link #page}, empty when the feed is stale: one query for the common case of a kept feed (a caller that
     * gets nothing asks {@link #isStale}).
     */
    public List<Long> pageIfKept(Tx tx, long accountId, Page page) {
        var q = tx.dsl().select(FEED_ENTRIES.STATUS_ID).from(FEED_ENTRIES)
                .join(STATUSES).on(STATUSES.ID.eq(FEED_ENTRIES.STATUS_ID))
                .where(FEED_ENTRIES.ACCOUNT_ID.eq(accountId))
                .andNotExists(DSL.selectOne().from(USERS)
                        .where(USERS.ACCOUNT_ID.eq(accountId)).and(USERS.FEED_STALE.isTrue()));
        return Paging.fetch(q, FEED_ENTRIES.STATUS_ID, page).stream().map(r -> r.value1()).toList();
    }

    /** Whether a feed holds this status, or a reblog of it (a new reblog of it is then left out, as fan-out does). */
    public boolean holdsStatusOrReblogOf(Tx tx, long accountId, long statusId) {
        return tx.dsl().fetchExists(FEED_ENTRIES, FEED_ENTRIES.ACCOUNT_ID.eq(accountId)
                .and(FEED_ENTRIES.STATUS_ID.eq(statusId).or(FEED_ENTRIES.REBLOG_OF_ID.eq(statusId))));
    }

    /**
     * Takes a status out of the feeds it was fanned out to: its author's and their followers' (by primary key, no
     * scan). Used when a reblog is undone, so that a later reblog of the same status is not taken for a duplicate.
     */
    public int removeFromAuthorAndFollowers(Tx tx, long authorId, long statusId) {
        var followers = DSL.select(FOLLOWS.ACCOUNT_ID).from(FOLLOWS).where(FOLLOWS.TARGET_ACCOUNT_ID.eq(authorId));
        return tx.dsl().deleteFrom(FEED_ENTRIES)
                .where(FEED_ENTRIES.STATUS_ID.eq(statusId))
                .and(FEED_ENTRIES.ACCOUNT_ID.eq(authorId).or(FEED_ENTRIES.ACCOUNT_ID.in(followers)))
                .execute();
    }

    /** Takes an author's statuses, and reblogs of them, out of one feed (unfollow, block, mute). */
    public int removeAuthor(Tx tx, long accountId, long authorId) {
        return tx.dsl().deleteFrom(FEED_ENTRIES)
                .where(FEED_ENTRIES.ACCOUNT_ID.eq(accountId))
                .and(FEED_ENTRIES.AUTHOR_ID.eq(authorId).or(FEED_ENTRIES.REBLOG_AUTHOR_ID.eq(authorId)))
                .execute();
    }

    public int clear(Tx tx, long accountId) {
        return tx.dsl().deleteFrom(FEED_ENTRIES).where(FEED_ENTRIES.ACCOUNT_ID.eq(accountId)).execute();
    }

    /**
     * The feeds holding more than {@code max} entries: one scan of the primary key index, with no sorting (ranking
     * every entry of every feed instead took ~15 s on 8 million entries, holding SQLite's only writer throughout).
     */
    public List<Long> overfull(Tx tx, int max) {
        return tx.dsl().select(FEED_ENTRIES.ACCOUNT_ID).from(FEED_ENTRIES)
                .groupBy(FEED_ENTRIES.ACCOUNT_ID)
                .having(DSL.count().gt(max))
                .fetch(FEED_ENTRIES.ACCOUNT_ID);
    }

    /** Keeps the newest {@code max} entries of one feed; returns how many were removed. */
    public int trim(Tx tx, long accountId, int max) {
        Long oldestKept = tx.dsl().select(FEED_ENTRIES.STATUS_ID).from(FEED_ENTRIES)
                .where(FEED_ENTRIES.ACCOUNT_ID.eq(accountId))
                .orderBy(FEED_ENTRIES.STATUS_ID.desc())
                .limit(1).offset(max - 1)
                .fetchOne(FEED_ENTRIES.STATUS_ID);
        if (oldestKept == null) {
            return 0;
        }
        return tx.dsl().deleteFrom(FEED_ENTRIES)
                .where(FEED_ENTRIES.ACCOUNT_ID.eq(accountId))
                .and(FEED_ENTRIES.STATUS_ID.lt(oldestKept))
                .execute();
    }

    /** Marks feeds of people inactive since {@code before} stale and empties them; returns how many. */
    public int markStale(Tx tx, Instant before) {
        var stale = tx.dsl().select(USERS.ACCOUNT_ID).from(USERS).where(USERS.FEED_STALE.isFalse())
                .and(USERS.LAST_ACTIVE_AT.lt(before).or(USERS.LAST_ACTIVE_AT.isNull().and(USERS.CREATED_AT.lt(before))));
        List<Long> ids = stale.fetch(USERS.ACCOUNT_ID);
        if (ids.isEmpty()) {
            return 0;
        }
        tx.dsl().update(USERS).set(USERS.FEED_STALE, true).where(USERS.ACCOUNT_ID.in(ids)).execute();
        tx.dsl().deleteFrom(FEED_ENTRIES).where(FEED_ENTRIES.ACCOUNT_ID.in(ids)).execute();
        return ids.size();
    }

    public boolean isStale(Tx tx, long accountId) {
        return tx.dsl().fetchExists(USERS, USERS.ACCOUNT_ID.eq(accountId).and(USERS.FEED_STALE.isTrue()));
    }

    public void setStale(Tx tx, long accountId, boolean stale) {
        tx.dsl().update(USERS).set(USERS.FEED_STALE, stale).where(USERS.ACCOUNT_ID.eq(accountId)).execute();
    }

    /** Domains of accounts, used to skip domain-blocked authors when rebuilding. */
    static final Field<String> DOMAIN = ACCOUNTS.DOMAIN;
}
