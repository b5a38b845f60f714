package social.starling.db;

import static social.starling.db.HomeFeedRule.F;
import static social.starling.db.HomeFeedRule.O;
import static social.starling.db.HomeFeedRule.S;
import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.ACCOUNT_DOMAIN_BLOCKS;
import static social.starling.db.schema.Tables.BLOCKS;
import static social.starling.db.schema.Tables.FEED_ENTRIES;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.MUTES;
import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.STATUS_MENTIONS;
import static social.starling.db.schema.Tables.STATUS_TAGS;
import static social.starling.db.schema.Tables.TAG_FOLLOWS;
import static social.starling.db.schema.Tables.USERS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import social.starling.model.Page;
import social.starling.model.Status;

/**
 * Materialised home feeds. Who gets a status is decided by one rule, {@link HomeFeedRule} (Mastodon's
 * FeedManager#filter_from_home), in three statements: fan-out inserts a new status into every eligible local
 * follower's feed ({@link #fanOut}), a stale feed is rebuilt from the newest statuses of the people followed
 * ({@link #rebuild}), and following someone merges their newest statuses in ({@link #merge}); each is one
 * {@code INSERT ... SELECT}. Reading a feed reads only this table (joined to statuses so deleted ones drop out).
 * Public statuses also reach people following one of their hashtags ({@link #fanOutToTagFollowers}).
 */
public final class FeedRepository {
    private final RenderedOnce rendered = new RenderedOnce();

    /**
     * Inserts a status into the feeds of its author's local followers whose feeds are kept (not stale) and whom
     * {@link HomeFeedRule} admits; returns the accounts whose feeds it entered (not those that held it already).
     */
    public List<Long> fanOut(Tx tx, long statusId, Instant now) {
        if (tx.dialect() == Database.Dialect.POSTGRES) {
            return fanOutByValues(tx, statusId, now);
        }
        long nowMillis = now.toEpochMilli();
        // Rendered once: building and rendering this statement each time was a fifth of its cost (posting's profile).
        return rendered.fetch(tx, List.of("fanOut"), () -> {
            Field<Long> follower = F.ACCOUNT_ID;
            return DSL.insertInto(FEED_ENTRIES, FEED_ENTRIES.ACCOUNT_ID, FEED_ENTRIES.STATUS_ID,
                            FEED_ENTRIES.AUTHOR_ID, FEED_ENTRIES.REBLOG_OF_ID, FEED_ENTRIES.REBLOG_AUTHOR_ID)
                    .select(DSL.select(follower, S.ID, S.ACCOUNT_ID, S.REBLOG_OF_ID, O.ACCOUNT_ID)
                            .from(S)
                            .join(F).on(F.TARGET_ACCOUNT_ID.eq(S.ACCOUNT_ID))
                            .join(USERS).on(USERS.ACCOUNT_ID.eq(follower))
                            .leftJoin(O).on(O.ID.eq(S.REBLOG_OF_ID))
                            .where(S.ID.eq(statusId))
                            .and(USERS.FEED_STALE.isFalse())
                            .and(HomeFeedRule.admits(follower, now))
                            .and(HomeFeedRule.notTwice(follower)))
                    .onConflictDoNothing()
                    .returningResult(FEED_ENTRIES.ACCOUNT_ID);
        }, FAN_OUT_FIELDS, statusId, nowMillis).map(r -> r.get(FEED_ENTRIES.ACCOUNT_ID));
    }

    private static final List<Field<?>> FAN_OUT_FIELDS = List.of(FEED_ENTRIES.ACCOUNT_ID);

    /**
     * After an edit (a new language, other mentions): takes the status out of the home feeds of its author's
     * followers that {@link HomeFeedRule} no longer admits it to, as Mastodon's FeedInsertWorker unpushes an updated
     * status its filters now refuse; {@link #fanOut} then adds it where it is admitted now. Entries of people who
     * do not follow the author (it reached them through a hashtag they follow) are left as they are. Returns the
     * owners of the feeds it left.
     */
    public List<Long> withdrawUnadmitted(Tx tx, long statusId, Instant now) {
        Field<Long> owner = FEED_ENTRIES.ACCOUNT_ID;
        return tx.dsl().deleteFrom(FEED_ENTRIES)
                .where(FEED_ENTRIES.STATUS_ID.eq(statusId))
                .andExists(DSL.selectOne().from(FOLLOWS).where(FOLLOWS.ACCOUNT_ID.eq(owner))
                        .and(FOLLOWS.TARGET_ACCOUNT_ID.eq(FEED_ENTRIES.AUTHOR_ID)))
                .andNotExists(DSL.selectOne().from(S)
                        .leftJoin(F).on(F.ACCOUNT_ID.eq(owner)).and(F.TARGET_ACCOUNT_ID.eq(S.ACCOUNT_ID))
                        .leftJoin(O).on(O.ID.eq(S.REBLOG_OF_ID))
                        .where(S.ID.eq(FEED_ENTRIES.STATUS_ID))
                        .and(HomeFeedRule.admits(owner, now)))
                .returningResult(FEED_ENTRIES.ACCOUNT_ID)
                .fetch(r -> r.value1());
    }

    /**
     * {@link #fanOut} on PostgreSQL: the status's facts are read first (one primary key lookup) and bound as values,
     * so the statement selects from the author's followers alone. Joined in the statement, the reblogged status
     * was found by hashing the whole {@code statuses} table on a small database, a cost that grew with every post
     * (bench/README.md, "Posting").
     */
    private List<Long> fanOutByValues(Tx tx, long statusId, Instant now) {
        var found = rendered.fetch(tx, List.of("fanOutFacts"), () -> DSL.select(HomeFeedRule.FACT_FIELDS).from(S)
                .leftJoin(O).on(O.ID.eq(S.REBLOG_OF_ID))
                .where(S.ID.eq(statusId)), HomeFeedRule.FACT_FIELDS, statusId);
        if (found.isEmpty()) {
            return List.of();
        }
        int n = HomeFeedRule.FACT_FIELDS.size();
        Object[] facts = new Object[n + 1]; // the status's facts, then the time mutes are compared with
        List<Boolean> shape = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            facts[i] = found.get(0).get(HomeFeedRule.FACT_FIELDS.get(i));
            shape.add(facts[i] == null);
        }
        facts[n] = now.toEpochMilli();
        List<Integer> order = factOrder.computeIfAbsent(shape, k -> bindOrder(tx, facts));
        Object[] values = order.stream().map(i -> facts[i]).toArray();
        return rendered.fetch(tx, List.of("fanOutByValues", shape), () -> fanOutStatement(facts), FAN_OUT_FIELDS,
                values).map(r -> r.get(FEED_ENTRIES.ACCOUNT_ID));
    }

    /** Per shape (which facts are null): the fact each bound value of {@link #fanOutStatement} is, in order. */
    private final java.util.Map<List<Boolean>, List<Integer>> factOrder = new java.util.concurrent.ConcurrentHashMap<>();

    /** Which fact each bound value is: the statement built once with a distinct marker for each fact. */
    private static List<Integer> bindOrder(Tx tx, Object[] facts) {
        Object[] markers = new Object[facts.length];
        java.util.Map<String, Integer> byMarker = new java.util.HashMap<>();
        for (int i = 0; i < facts.length; i++) {
            markers[i] = facts[i] == null ? null : facts[i] instanceof String ? "\u0001fact" + i : -1_000_000L - i;
            if (markers[i] != null) {
                byMarker.put(String.valueOf(markers[i]), i);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (Object bound : tx.dsl().extractBindValues(fanOutStatement(markers))) {
            Integer i = byMarker.get(String.valueOf(bound));
            if (i == null) {
                throw new IllegalStateException("the fan-out binds " + bound + ", which is none of its facts");
            }
            order.add(i);
        }
        return order;
    }

    private static org.jooq.ResultQuery<?> fanOutStatement(Object[] facts) {
        HomeFeedRule.Facts s = HomeFeedRule.of(facts);
        Instant now = Instant.ofEpochMilli((Long) facts[facts.length - 1]);
        Field<Long> follower = F.ACCOUNT_ID;
        return DSL.insertInto(FEED_ENTRIES, FEED_ENTRIES.ACCOUNT_ID, FEED_ENTRIES.STATUS_ID,
                        FEED_ENTRIES.AUTHOR_ID, FEED_ENTRIES.REBLOG_OF_ID, FEED_ENTRIES.REBLOG_AUTHOR_ID)
                .select(DSL.select(follower, s.id(), s.author(), s.reblogOf(), s.reblogAuthor())
                        .from(F)
                        .join(USERS).on(USERS.ACCOUNT_ID.eq(follower))
                        .where(F.TARGET_ACCOUNT_ID.eq(s.author()))
                        .and(USERS.FEED_STALE.isFalse())
                        .and(HomeFeedRule.admits(follower, now, s))
                        .and(HomeFeedRule.notTwice(follower, s)))
                .onConflictDoNothing()
                .returningResult(FEED_ENTRIES.ACCOUNT_ID);
    }

    /**
     * Fills an emptied feed from the newest {@code 2 * maxItems} statuses of the people {@code ownerId} follows and
     * their own: those {@link HomeFeedRule} admits, keeping only the newest reblog of each original, at most
     * {@code maxItems}. Returns how many entries it wrote.
     */
    public int rebuild(Tx tx, long ownerId, int maxItems, Instant now) {
        Field<Long> owner = DSL.val(ownerId);
        var authors = DSL.select(FOLLOWS.TARGET_ACCOUNT_ID).from(FOLLOWS).where(FOLLOWS.ACCOUNT_ID.eq(ownerId))
                .unionAll(DSL.select(owner));
        var recent = DSL.select(STATUSES.ID).from(STATUSES).where(STATUSES.ACCOUNT_ID.in(authors))
                .orderBy(STATUSES.ID.desc()).limit(2 * maxItems);
        Field<Long> reblogAuthor = O.ACCOUNT_ID.as("reblog_author_id");
        Field<Integer> rank = DSL.rowNumber().over(DSL.partitionBy(S.REBLOG_OF_ID).orderBy(S.ID.desc())).as("rank");
        var admitted = DSL.select(S.ID, S.ACCOUNT_ID, S.REBLOG_OF_ID, reblogAuthor, rank)
                .from(S)
                .leftJoin(O).on(O.ID.eq(S.REBLOG_OF_ID))
                .leftJoin(F).on(F.ACCOUNT_ID.eq(owner)).and(F.TARGET_ACCOUNT_ID.eq(S.ACCOUNT_ID))
                .where(S.ID.in(recent))
                .and(HomeFeedRule.admits(owner, now))
                .asTable("admitted");
        Field<Long> id = admitted.field(S.ID);
        Field<Long> reblogOf = admitted.field(S.REBLOG_OF_ID);
        return tx.dsl().insertInto(FEED_ENTRIES, FEED_ENTRIES.ACCOUNT_ID, FEED_ENTRIES.STATUS_ID,
                        FEED_ENTRIES.AUTHOR_ID, FEED_ENTRIES.REBLOG_OF_ID, FEED_ENTRIES.REBLOG_AUTHOR_ID)
                .select(DSL.select(owner, id, admitted.field(S.ACCOUNT_ID), reblogOf, admitted.field(reblogAuthor))
                        .from(admitted)
                        .where(reblogOf.isNull().or(admitted.field(rank).eq(1)))
                        .orderBy(id.desc())
                        .limit(maxItems))
                .execute();
    }

    /**
     * After {@code ownerId} follows {@code authorId}: the author's newest {@code limit} statuses that
     * {@link HomeFeedRule} admits join the owner's feed. Returns how many entries it wrote.
     */
    public int merge(Tx tx, long ownerId, long authorId, int limit, Instant now) {
        Field<Long> owner = DSL.val(ownerId);
        var recent = DSL.select(STATUSES.ID).from(STATUSES).where(STATUSES.ACCOUNT_ID.eq(authorId))
                .orderBy(STATUSES.ID.desc()).limit(limit);
        return tx.dsl().insertInto(FEED_ENTRIES, FEED_ENTRIES.ACCOUNT_ID, FEED_ENTRIES.STATUS_ID,
                        FEED_ENTRIES.AUTHOR_ID, FEED_ENTRIES.REBLOG_OF_ID, FEED_ENTRIES.REBLOG_AUTHOR_ID)
                .select(DSL.select(owner, S.ID, S.ACCOUNT_ID, S.REBLOG_OF_ID, O.ACCOUNT_ID)
                        .from(S)
                        .join(F).on(F.ACCOUNT_ID.eq(owner)).and(F.TARGET_ACCOUNT_ID.eq(S.ACCOUNT_ID))
                        .leftJoin(O).on(O.ID.eq(S.REBLOG_OF_ID))
                        .where(S.ID.in(recent))
                        .and(HomeFeedRule.admits(owner, now))
                        .and(HomeFeedRule.notTwice(owner)))
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
        if (!tx.dsl().fetchExists(STATUS_TAGS, STATUS_TAGS.STATUS_ID.eq(s.id()))) {
            return 0; // no hashtag, no tag follower (the statement below would look at every user to find out)
        }
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

    /** Puts one status in one feed (the author's own, their own reblog). */
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
     * {@link #page} with each entry's {@link StatusRepository.Stamp} (version, reblogged status, quote facts), empty
     * when the feed is stale: one query for the common case of a kept feed, which also spares the status loader its
     * version query (a caller that gets nothing asks {@link #isStale}).
     */
    public List<StatusRepository.Stamp> pageIfKept(Tx tx, long accountId, Page page) {
        List<Object> values = new ArrayList<>(List.of(accountId, accountId));
        values.addAll(Paging.values(page));
        List<StatusRepository.Stamp> stamps = new ArrayList<>(rendered.fetch(tx,
                List.of("keptFeedPage", Paging.shape(page)), () -> Paging.query(tx.dsl()
                        .select(StatusRepository.STAMP_FIELDS).from(FEED_ENTRIES)
                        .join(StatusRepository.stampSource(tx, STATUSES)).on(STATUSES.ID.eq(FEED_ENTRIES.STATUS_ID))
                        .leftJoin(StatusRepository.stampSource(tx, StatusRepository.ORIGINAL))
                        .on(StatusRepository.ORIGINAL.ID.eq(STATUSES.REBLOG_OF_ID))
                        .where(FEED_ENTRIES.ACCOUNT_ID.eq(accountId))
                        .andNotExists(DSL.selectOne().from(USERS).where(USERS.ACCOUNT_ID.eq(accountId))
                                .and(USERS.FEED_STALE.eq(DSL.inline(true)))), FEED_ENTRIES.STATUS_ID, page),
                StatusRepository.STAMP_FIELDS, values.toArray()).map(StatusRepository::toStamp));
        if (page.ascending()) {
            java.util.Collections.reverse(stamps);
        }
        return stamps;
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

    /** The feeds holding more than {@code max} entries. */
    public List<Long> overfull(Tx tx, int max) {
        return NewestKept.overfull(tx, FEED_ENTRIES.ACCOUNT_ID, max);
    }

    /** Keeps the newest {@code max} entries of one feed; returns how many were removed. */
    public int trim(Tx tx, long accountId, int max) {
        return NewestKept.trim(tx, FEED_ENTRIES.ACCOUNT_ID, FEED_ENTRIES.STATUS_ID, accountId, max);
    }

    /** Marks feeds (home and lists) of people inactive since {@code before} stale and empties them; returns how many. */
    public int markStale(Tx tx, Instant before) {
        var stale = tx.dsl().select(USERS.ACCOUNT_ID).from(USERS).where(USERS.FEED_STALE.isFalse())
                .and(USERS.LAST_ACTIVE_AT.lt(before).or(USERS.LAST_ACTIVE_AT.isNull().and(USERS.CREATED_AT.lt(before))));
        List<Long> ids = stale.fetch(USERS.ACCOUNT_ID);
        if (ids.isEmpty()) {
            return 0;
        }
        tx.dsl().update(USERS).set(USERS.FEED_STALE, true).where(USERS.ACCOUNT_ID.in(ids)).execute();
        tx.dsl().deleteFrom(FEED_ENTRIES).where(FEED_ENTRIES.ACCOUNT_ID.in(ids)).execute();
        ListFeedRepository.unbuildOwnedBy(tx, ids); // their lists too: built again when read, skipped by fan-out
        return ids.size();
    }

    public boolean isStale(Tx tx, long accountId) {
        return tx.dsl().fetchExists(USERS, USERS.ACCOUNT_ID.eq(accountId).and(USERS.FEED_STALE.isTrue()));
    }

    public void setStale(Tx tx, long accountId, boolean stale) {
        tx.dsl().update(USERS).set(USERS.FEED_STALE, stale).where(USERS.ACCOUNT_ID.eq(accountId)).execute();
    }
}
