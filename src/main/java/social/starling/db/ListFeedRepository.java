package social.starling.db;

import static social.starling.db.ListFeedRule.F;
import static social.starling.db.ListFeedRule.O;
import static social.starling.db.ListFeedRule.S;
import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.LISTS;
import static social.starling.db.schema.Tables.LIST_ACCOUNTS;
import static social.starling.db.schema.Tables.LIST_FEED_ENTRIES;
import static social.starling.db.schema.Tables.STATUSES;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.SelectConditionStep;
import org.jooq.SelectJoinStep;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;
import social.starling.model.Page;
import social.starling.model.UserList;

/**
 * Materialised list feeds, as home feeds are ({@link FeedRepository}): which statuses a list shows is decided by
 * {@link ListFeedRule}, in two statements: fan-out inserts a member's new status into every built list that admits
 * it ({@link #fanOut}), and a list whose feed is not built is built from its members' newest statuses
 * ({@link #build}). A list's feed is unbuilt (emptied, to be built on its next read) when what the rule reads
 * changes: the list's replies policy or members ({@link ListRepository}), or its owner's follows
 * ({@link RelationshipRepository}). Reading a feed ({@link #pageIfBuilt}) applies at once what the owner changes
 * more often (mutes, blocks, domain blocks, with timed mutes running out) and the authors' suspension.
 */
public final class ListFeedRepository {
    private final RenderedOnce rendered = new RenderedOnce();

    /** Inserts a status into the built feeds of the lists that hold its author and admit it; returns those lists. */
    public List<Long> fanOut(Tx tx, long statusId) {
        return rendered.fetch(tx, List.of("listFanOut"), () -> DSL.insertInto(LIST_FEED_ENTRIES,
                                LIST_FEED_ENTRIES.LIST_ID, LIST_FEED_ENTRIES.STATUS_ID, LIST_FEED_ENTRIES.AUTHOR_ID)
                        .select(admitted(DSL.select(LISTS.ID, S.ID, S.ACCOUNT_ID), statusId)
                                .and(LISTS.FEED_BUILT.eq(DSL.inline(true))))
                        .onConflictDoNothing()
                        .returningResult(LIST_FEED_ENTRIES.LIST_ID),
                LIST_IDS, statusId).map(r -> r.get(LIST_FEED_ENTRIES.LIST_ID));
    }

    private static final List<Field<?>> LIST_IDS = List.of(LIST_FEED_ENTRIES.LIST_ID);

    /**
     * After an edit: takes the status out of the list feeds that {@link ListFeedRule} no longer admits it to (a
     * follow's languages and the new language); {@link #fanOut} then adds it where it is admitted now. Returns how
     * many entries it removed.
     */
    public int withdrawUnadmitted(Tx tx, long statusId) {
        return tx.dsl().deleteFrom(LIST_FEED_ENTRIES)
                .where(LIST_FEED_ENTRIES.STATUS_ID.eq(statusId))
                .and(LIST_FEED_ENTRIES.LIST_ID.notIn(admitted(DSL.select(LISTS.ID), statusId)))
                .execute();
    }

    /**
     * Of {@code listIds}, the lists whose feed admits the status by {@link ListFeedRule} (its author a member, the
     * list's replies policy, the owner's follow of the author), built or not: what a list's stream shows, so that
     * the stream agrees with the list's timeline.
     */
    public List<Long> admitting(Tx tx, long statusId, Collection<Long> listIds) {
        if (listIds.isEmpty()) {
            return List.of();
        }
        return tx.dsl().fetch(admitted(DSL.select(LISTS.ID), statusId).and(LISTS.ID.in(listIds))).map(r -> r.value1());
    }

    /**
     * The status joined with each list holding its author (and the owner's follow of the author, and what it
     * reblogs), where {@link ListFeedRule} admits it: what fan-out inserts and a list's stream shows.
     */
    private static <R extends Record> SelectConditionStep<R> admitted(SelectSelectStep<R> select, long statusId) {
        return select.from(S)
                .join(LIST_ACCOUNTS).on(LIST_ACCOUNTS.ACCOUNT_ID.eq(S.ACCOUNT_ID))
                .join(LISTS).on(LISTS.ID.eq(LIST_ACCOUNTS.LIST_ID))
                .leftJoin(F).on(F.ACCOUNT_ID.eq(LISTS.ACCOUNT_ID)).and(F.TARGET_ACCOUNT_ID.eq(S.ACCOUNT_ID))
                .leftJoin(O).on(O.ID.eq(S.REBLOG_OF_ID))
                .where(S.ID.eq(statusId))
                .and(ListFeedRule.admits(LISTS.ACCOUNT_ID, LISTS.ID, LISTS.REPLIES_POLICY));
    }

    /**
     * Builds a list's feed (the caller empties it first) from each member's newest {@code maxItems} statuses the
     * rule admits, at most {@code maxItems} in all, and marks it built; returns how many entries it wrote. Each
     * member is read through its own index range and for at most {@code maxItems}, however much the members post.
     */
    public int build(Tx tx, UserList list, int maxItems) {
        Field<Long> owner = DSL.val(list.accountId());
        Field<Long> listId = DSL.val(list.id());
        Field<Long> member = LIST_ACCOUNTS.ACCOUNT_ID;
        var admitted = ListFeedRule.admits(owner, listId, DSL.inline(list.repliesPolicy().wireName()));
        // PostgreSQL runs each member's range as a LATERAL join. SQLite has no LATERAL: there a member's range is
        // the list a statuses id must be IN, a correlated subquery SQLite runs once per member (PostgreSQL instead
        // walked every status and ran it for each: seconds).
        Field<Long> id;
        Field<Long> author;
        SelectJoinStep<Record3<Long, Long, Long>> rows;
        if (tx.dialect() == Database.Dialect.POSTGRES) {
            var paged = DSL.select(S.ID, S.ACCOUNT_ID).from(S).leftJoin(O).on(O.ID.eq(S.REBLOG_OF_ID))
                    .where(S.ACCOUNT_ID.eq(member)).and(admitted)
                    .orderBy(S.ID.desc()).limit(maxItems).asTable("lm");
            id = paged.field(S.ID);
            author = paged.field(S.ACCOUNT_ID);
            rows = DSL.select(listId, id, author).from(LIST_ACCOUNTS
                    .leftJoin(F).on(F.ACCOUNT_ID.eq(owner)).and(F.TARGET_ACCOUNT_ID.eq(member))
                    .crossJoin(DSL.lateral(paged)));
        } else {
            var ofMember = DSL.select(S.ID).from(S).leftJoin(O).on(O.ID.eq(S.REBLOG_OF_ID))
                    .where(S.ACCOUNT_ID.eq(member)).and(admitted)
                    .orderBy(S.ID.desc()).limit(maxItems);
            id = STATUSES.ID;
            author = STATUSES.ACCOUNT_ID;
            rows = DSL.select(listId, id, author).from(LIST_ACCOUNTS
                    .leftJoin(F).on(F.ACCOUNT_ID.eq(owner)).and(F.TARGET_ACCOUNT_ID.eq(member))
                    .join(STATUSES).on(STATUSES.ID.in(ofMember)));
        }
        int added = tx.dsl().insertInto(LIST_FEED_ENTRIES,
                        LIST_FEED_ENTRIES.LIST_ID, LIST_FEED_ENTRIES.STATUS_ID, LIST_FEED_ENTRIES.AUTHOR_ID)
                .select(rows.where(LIST_ACCOUNTS.LIST_ID.eq(listId)).orderBy(id.desc()).limit(maxItems))
                .onConflictDoNothing()
                .execute();
        tx.dsl().update(LISTS).set(LISTS.FEED_BUILT, true).where(LISTS.ID.eq(list.id())).execute();
        return added;
    }

    /**
     * A page of a list's feed, as {@link StatusRepository.Stamp}s, newest first: empty when the list is not
     * {@code ownerId}'s or its feed is not built (a caller that gets nothing asks {@link #isBuilt}). Statuses
     * deleted since fan-out, by suspended authors, or by authors the owner blocks, mutes, or whose domain the owner
     * blocks, or who block the owner, are left out.
     */
    public List<StatusRepository.Stamp> pageIfBuilt(Tx tx, long ownerId, long listId, Page page, Instant now) {
        var e = LIST_FEED_ENTRIES;
        long nowMillis = now.toEpochMilli();
        List<Object> values = new ArrayList<>(List.of(listId, listId, ownerId, ownerId, ownerId, ownerId, nowMillis,
                ownerId));
        values.addAll(Paging.values(page));
        List<StatusRepository.Stamp> stamps = new ArrayList<>(rendered.fetch(tx,
                List.of("builtListPage", Paging.shape(page)), () -> Paging.query(DSL
                        .select(StatusRepository.STAMP_FIELDS).from(e)
                        .join(StatusRepository.stampSource(tx, STATUSES)).on(STATUSES.ID.eq(e.STATUS_ID))
                        .leftJoin(StatusRepository.stampSource(tx, StatusRepository.ORIGINAL))
                        .on(StatusRepository.ORIGINAL.ID.eq(STATUSES.REBLOG_OF_ID))
                        .join(ACCOUNTS).on(ACCOUNTS.ID.eq(e.AUTHOR_ID))
                        .where(e.LIST_ID.eq(listId))
                        .andExists(DSL.selectOne().from(LISTS).where(LISTS.ID.eq(listId))
                                .and(LISTS.ACCOUNT_ID.eq(ownerId)).and(LISTS.FEED_BUILT.eq(DSL.inline(true))))
                        .and(ACCOUNTS.SUSPENDED_AT.isNull())
                        .and(ViewerFilters.authorAllowed(e.AUTHOR_ID, ACCOUNTS.DOMAIN, ownerId, now)),
                        e.STATUS_ID, page),
                StatusRepository.STAMP_FIELDS, values.toArray()).map(StatusRepository::toStamp));
        if (page.ascending()) {
            Collections.reverse(stamps);
        }
        return stamps;
    }

    public boolean isBuilt(Tx tx, long listId) {
        return tx.dsl().fetchExists(LISTS, LISTS.ID.eq(listId).and(LISTS.FEED_BUILT.isTrue()));
    }

    public int clear(Tx tx, long listId) {
        return tx.dsl().deleteFrom(LIST_FEED_ENTRIES).where(LIST_FEED_ENTRIES.LIST_ID.eq(listId)).execute();
    }

    /** Empties a list's feed and marks it not built: it is built again on its next read. */
    static void unbuild(Tx tx, long listId) {
        tx.dsl().deleteFrom(LIST_FEED_ENTRIES).where(LIST_FEED_ENTRIES.LIST_ID.eq(listId)).execute();
        tx.dsl().update(LISTS).set(LISTS.FEED_BUILT, false).where(LISTS.ID.eq(listId)).execute();
    }

    /** {@link #unbuild}s every built list of these owners (one read when they have none, the common case). */
    static void unbuildOwnedBy(Tx tx, Collection<Long> ownerIds) {
        if (ownerIds.isEmpty()) {
            return;
        }
        List<Long> built = tx.dsl().select(LISTS.ID).from(LISTS).where(LISTS.ACCOUNT_ID.in(ownerIds))
                .and(LISTS.FEED_BUILT.isTrue()).fetch(LISTS.ID);
        if (built.isEmpty()) {
            return;
        }
        tx.dsl().deleteFrom(LIST_FEED_ENTRIES).where(LIST_FEED_ENTRIES.LIST_ID.in(built)).execute();
        tx.dsl().update(LISTS).set(LISTS.FEED_BUILT, false).where(LISTS.ID.in(built)).execute();
    }

    /** The lists whose feeds hold more than {@code max} entries. */
    public List<Long> overfull(Tx tx, int max) {
        return NewestKept.overfull(tx, LIST_FEED_ENTRIES.LIST_ID, max);
    }

    /** Keeps the newest {@code max} entries of one list's feed; returns how many were removed. */
    public int trim(Tx tx, long listId, int max) {
        return NewestKept.trim(tx, LIST_FEED_ENTRIES.LIST_ID, LIST_FEED_ENTRIES.STATUS_ID, listId, max);
    }
}
