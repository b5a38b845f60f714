package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.QUOTES;
import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.STATUS_MENTIONS;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;
import social.starling.db.schema.tables.records.StatusesRecord;
import social.starling.errors.NotFoundException;
import social.starling.model.Page;
import social.starling.model.Quote;
import social.starling.model.Status;
import social.starling.model.Visibility;

/**
 * Queries over statuses and their mentions.
 *
 * <p>Contract for writers: every change to a status row, its mentions or its tags bumps {@code version} (see
 * {@link #count}, {@link #updateContent}, {@link #bumpVersion}); cached copies are checked against it
 * ({@link #stamps}). Changes to {@code quotes} rows bump it by trigger (migration V32), for both statuses named.
 */
public final class StatusRepository {
    /** Every column of {@code statuses}, read by the hot lookups by id ({@link RenderedOnce}). */
    private static final List<org.jooq.Field<?>> STATUS_FIELDS = List.of(STATUSES.fields());

    private final RenderedOnce rendered = new RenderedOnce();

    /**
     * A status's version and what it reblogs, with that status's version (null if it is gone). The version covers
     * the status's quote facts too: V32's triggers bump it when a quote naming the status changes.
     */
    public record Stamp(long id, int version, Long reblogOfId, Integer reblogVersion) {
    }

    /**
     * What a page needs to know of a status's quotes: its quote policy, how many accepted quotes it has, and
     * whether it quotes something itself (then its {@code quotes} row is read).
     */
    public record QuoteFacts(int policy, int acceptedQuotes, boolean quotes) {
    }

    /** Told, inside the writer's transaction, of deletions and content edits (streaming publishes events). */
    public interface Changes {
        Changes NONE = new Changes() {
        };

        default void deleted(Tx tx, long statusId) {
        }

        default void edited(Tx tx, long statusId) {
        }
    }

    private final Changes changes;

    public StatusRepository() {
        this(Changes.NONE);
    }

    public StatusRepository(Changes changes) {
        this.changes = changes;
    }

    public void insert(Tx tx, Status s) {
        tx.dsl().insertInto(STATUSES)
                .set(STATUSES.ID, s.id())
                .set(STATUSES.ACCOUNT_ID, s.accountId())
                .set(STATUSES.URI, s.uri())
                .set(STATUSES.URL, s.url())
                .set(STATUSES.LOCAL, s.local())
                .set(STATUSES.VISIBILITY, s.visibility().wireName())
                .set(STATUSES.TEXT, s.text())
                .set(STATUSES.CONTENT, s.content())
                .set(STATUSES.SPOILER_TEXT, s.spoilerText())
                .set(STATUSES.SENSITIVE, s.sensitive())
                .set(STATUSES.LANGUAGE, s.language())
                .set(STATUSES.IN_REPLY_TO_ID, s.inReplyToId())
                .set(STATUSES.IN_REPLY_TO_ACCOUNT_ID, s.inReplyToAccountId())
                .set(STATUSES.REBLOG_OF_ID, s.reblogOfId())
                .set(STATUSES.CONVERSATION_ID, s.conversationId())
                .set(STATUSES.APPLICATION_ID, s.applicationId())
                .set(STATUSES.POLL_ID, s.pollId())
                .set(STATUSES.CREATED_AT, s.createdAt())
                .set(STATUSES.UPDATED_AT, s.createdAt())
                .execute();
    }

    public Optional<Status> find(Tx tx, long id) {
        return rendered.fetch(tx, List.of("statusById"), () -> tx.dsl().select(STATUS_FIELDS).from(STATUSES)
                        .where(STATUSES.ID.eq(id)), STATUS_FIELDS, id).stream()
                .findFirst().map(r -> toStatus(r.into(STATUSES)));
    }

    public Status require(Tx tx, long id) {
        return find(tx, id).orElseThrow(() -> new NotFoundException("Record not found"));
    }

    public Optional<Status> findByUri(Tx tx, String uri) {
        return tx.dsl().selectFrom(STATUSES).where(STATUSES.URI.eq(uri)).fetchOptional(StatusRepository::toStatus);
    }

    /** The statuses with these ids, by id. */
    public Map<Long, Status> findAll(Tx tx, Collection<Long> ids) {
        Map<Long, Status> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Record r : rendered.fetch(tx, List.of("statusesById", ids.size()), () -> tx.dsl().select(STATUS_FIELDS)
                .from(STATUSES).where(STATUSES.ID.in(ids)), STATUS_FIELDS, ids.toArray())) {
            StatusesRecord row = r.into(STATUSES);
            out.put(row.getId(), toStatus(row));
        }
        return out;
    }

    /** The {@link Stamp}s of these statuses, by id (a narrow read, to tell whether cached copies are current). */
    public Map<Long, Stamp> stamps(Tx tx, Collection<Long> ids) {
        Map<Long, Stamp> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Record r : rendered.fetch(tx, List.of("stampsById", ids.size()), () -> tx.dsl().select(STAMP_FIELDS)
                .from(stampSource(tx, STATUSES)).leftJoin(stampSource(tx, ORIGINAL))
                .on(ORIGINAL.ID.eq(STATUSES.REBLOG_OF_ID))
                .where(STATUSES.ID.in(ids)), STAMP_FIELDS, ids.toArray())) {
            out.put(r.get(STATUSES.ID), toStamp(r));
        }
        return out;
    }

    /** The status a reblog reblogs, as {@link #STAMP_FIELDS} names it (left-joined on {@code reblog_of_id}). */
    public static final social.starling.db.schema.tables.Statuses ORIGINAL = STATUSES.as("original");
    private static final org.jooq.Field<Integer> ORIGINAL_VERSION = ORIGINAL.VERSION;
    private static final org.jooq.Field<Integer> QUOTED = acceptedQuotes(STATUSES.ID).as("quoted");
    private static final org.jooq.Field<Boolean> QUOTING = quotesSomething(STATUSES.ID).as("quoting");
    private static final List<org.jooq.Field<?>> QUOTE_FACT_FIELDS = List.of(STATUSES.ID,
            STATUSES.QUOTE_APPROVAL_POLICY, QUOTED, QUOTING);

    /**
     * What a {@link Stamp} is read from, in a query over {@code statuses} left-joined with {@link #ORIGINAL}: a
     * feed page reads its entries' stamps in the page query itself.
     */
    public static final List<org.jooq.Field<?>> STAMP_FIELDS = List.of(STATUSES.ID, STATUSES.VERSION,
            STATUSES.REBLOG_OF_ID, ORIGINAL_VERSION);

    /**
     * {@code statuses} (or {@link #ORIGINAL}) read by id only for {@link #STAMP_FIELDS} (a feed's page, the stamps
     * of statuses whose cached copies are checked): on SQLite through the covering index {@code statuses_stamp}
     * (migration V34), one b-tree descent per status instead of the primary key's index then the table. SQLite's
     * planner picks that index by itself only with statistics ({@code ANALYZE}), which an instance may not have,
     * so it is named; PostgreSQL has no such index.
     */
    public static org.jooq.Table<?> stampSource(Tx tx, social.starling.db.schema.tables.Statuses table) {
        if (tx.dialect() != Database.Dialect.SQLITE) {
            return table;
        }
        return DSL.table("{0} as {1} indexed by {2}", DSL.name(STATUSES.getName()), DSL.name(table.getName()),
                DSL.name("statuses_stamp"));
    }

    public static Stamp toStamp(Record r) {
        return new Stamp(r.get(STATUSES.ID), r.get(STATUSES.VERSION), r.get(STATUSES.REBLOG_OF_ID),
                r.get(ORIGINAL_VERSION));
    }

    /** The quote facts of these statuses, by id (read with a status's other parts when it is loaded in full). */
    public Map<Long, QuoteFacts> quoteFacts(Tx tx, Collection<Long> ids) {
        Map<Long, QuoteFacts> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Record r : rendered.fetch(tx, List.of("quoteFacts", ids.size()), () -> tx.dsl().select(QUOTE_FACT_FIELDS)
                .from(STATUSES).where(STATUSES.ID.in(ids)), QUOTE_FACT_FIELDS, ids.toArray())) {
            out.put(r.get(STATUSES.ID), new QuoteFacts(r.get(STATUSES.QUOTE_APPROVAL_POLICY), r.get(QUOTED),
                    r.get(QUOTING)));
        }
        return out;
    }

    private static org.jooq.Field<Integer> acceptedQuotes(org.jooq.Field<Long> statusId) {
        return DSL.field(DSL.selectCount().from(QUOTES).where(QUOTES.QUOTED_STATUS_ID.eq(statusId))
                .and(QUOTES.STATE.eq(DSL.inline(Quote.State.ACCEPTED.wireName()))));
    }

    private static org.jooq.Field<Boolean> quotesSomething(org.jooq.Field<Long> statusId) {
        return DSL.field(DSL.exists(DSL.selectOne().from(QUOTES).where(QUOTES.STATUS_ID.eq(statusId))));
    }

    /** {@code accountId}'s reblog of {@code statusId}, if any. */
    public Optional<Status> findReblog(Tx tx, long accountId, long statusId) {
        return tx.dsl().selectFrom(STATUSES)
                .where(STATUSES.REBLOG_OF_ID.eq(statusId)).and(STATUSES.ACCOUNT_ID.eq(accountId))
                .fetchOptional(StatusRepository::toStatus);
    }

    public void delete(Tx tx, long id) {
        if (tx.dsl().deleteFrom(STATUSES).where(STATUSES.ID.eq(id)).execute() > 0) {
            changes.deleted(tx, id);
        }
    }

    /** Ids of reblogs of {@code statusId} (deleted with it). */
    public List<Long> reblogIds(Tx tx, long statusId) {
        return tx.dsl().select(STATUSES.ID).from(STATUSES).where(STATUSES.REBLOG_OF_ID.eq(statusId))
                .fetch(STATUSES.ID);
    }

    public void updateContent(Tx tx, long id, String text, String content, String spoilerText, boolean sensitive,
                              String language, Long pollId, Instant editedAt) {
        tx.dsl().update(STATUSES)
                .set(STATUSES.TEXT, text)
                .set(STATUSES.CONTENT, content)
                .set(STATUSES.SPOILER_TEXT, spoilerText)
                .set(STATUSES.SENSITIVE, sensitive)
                .set(STATUSES.LANGUAGE, language)
                .set(STATUSES.POLL_ID, pollId)
                .set(STATUSES.EDITED_AT, editedAt)
                .set(STATUSES.UPDATED_AT, editedAt)
                .set(STATUSES.VERSION, STATUSES.VERSION.plus(1))
                .where(STATUSES.ID.eq(id))
                .execute();
        changes.edited(tx, id);
    }

    public enum Counter { REPLIES, REBLOGS, FAVOURITES }

    /** Adds {@code delta} to a counter (never below zero) and bumps the version. */
    public void count(Tx tx, long id, Counter counter, int delta) {
        var field = switch (counter) {
            case REPLIES -> STATUSES.REPLIES_COUNT;
            case REBLOGS -> STATUSES.REBLOGS_COUNT;
            case FAVOURITES -> STATUSES.FAVOURITES_COUNT;
        };
        tx.dsl().update(STATUSES)
                .set(field, DSL.greatest(field.plus(delta), DSL.inline(0)))
                .set(STATUSES.VERSION, STATUSES.VERSION.plus(1))
                .where(STATUSES.ID.eq(id))
                .execute();
    }

    public void bumpVersion(Tx tx, long id) {
        tx.dsl().update(STATUSES).set(STATUSES.VERSION, STATUSES.VERSION.plus(1)).where(STATUSES.ID.eq(id)).execute();
    }

    // Mentions ---------------------------------------------------------------------------------------------

    public void insertMention(Tx tx, long statusId, long accountId, boolean silent) {
        tx.dsl().insertInto(STATUS_MENTIONS)
                .set(STATUS_MENTIONS.STATUS_ID, statusId)
                .set(STATUS_MENTIONS.ACCOUNT_ID, accountId)
                .set(STATUS_MENTIONS.SILENT, silent)
                .onConflictDoNothing()
                .execute();
    }

    public void deleteMentions(Tx tx, long statusId) {
        tx.dsl().deleteFrom(STATUS_MENTIONS).where(STATUS_MENTIONS.STATUS_ID.eq(statusId)).execute();
    }

    /** Mentioned account ids per status. */
    public Map<Long, List<Long>> mentions(Tx tx, Collection<Long> statusIds) {
        Map<Long, List<Long>> out = new HashMap<>();
        if (statusIds.isEmpty()) {
            return out;
        }
        tx.dsl().select(STATUS_MENTIONS.STATUS_ID, STATUS_MENTIONS.ACCOUNT_ID).from(STATUS_MENTIONS)
                .where(STATUS_MENTIONS.STATUS_ID.in(statusIds))
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>()).add(r.value2()));
        return out;
    }

    public boolean mentions(Tx tx, long statusId, long accountId) {
        return tx.dsl().fetchExists(STATUS_MENTIONS, STATUS_MENTIONS.STATUS_ID.eq(statusId)
                .and(STATUS_MENTIONS.ACCOUNT_ID.eq(accountId)));
    }

    // Remote threads -----------------------------------------------------------------------------------------

    /** Remembers the id of a remote reply's parent that could not be had yet (null: resolved or none). */
    public void setInReplyToUri(Tx tx, long id, String uri) {
        tx.dsl().update(STATUSES).set(STATUSES.IN_REPLY_TO_URI, uri).where(STATUSES.ID.eq(id)).execute();
    }

    /** The parent's id a remote reply still waits for, if any. */
    public Optional<String> inReplyToUri(Tx tx, long id) {
        return tx.dsl().select(STATUSES.IN_REPLY_TO_URI).from(STATUSES).where(STATUSES.ID.eq(id))
                .fetchOptional(STATUSES.IN_REPLY_TO_URI).filter(java.util.Objects::nonNull);
    }

    /** Statuses waiting for the parent {@code uri} (see {@link #setInReplyToUri}), at most {@code limit}. */
    public List<Long> awaitingParent(Tx tx, String uri, int limit) {
        return tx.dsl().select(STATUSES.ID).from(STATUSES).where(STATUSES.IN_REPLY_TO_URI.eq(uri))
                .orderBy(STATUSES.ID).limit(limit).fetch(STATUSES.ID);
    }

    /** Makes {@code childId} a reply to {@code parent} (its parent arrived); bumps the version. */
    public void linkParent(Tx tx, long childId, Status parent) {
        tx.dsl().update(STATUSES)
                .set(STATUSES.IN_REPLY_TO_ID, parent.id())
                .set(STATUSES.IN_REPLY_TO_ACCOUNT_ID, parent.accountId())
                .setNull(STATUSES.IN_REPLY_TO_URI)
                .set(STATUSES.VERSION, STATUSES.VERSION.plus(1))
                .where(STATUSES.ID.eq(childId))
                .execute();
    }

    // Reading -----------------------------------------------------------------------------------------------

    public int countLocal(Tx tx) {
        return tx.dsl().fetchCount(STATUSES, STATUSES.LOCAL.isTrue().and(STATUSES.REBLOG_OF_ID.isNull()));
    }

    public int countLocalBetween(Tx tx, Instant from, Instant to) {
        return tx.dsl().fetchCount(STATUSES, STATUSES.LOCAL.isTrue().and(STATUSES.REBLOG_OF_ID.isNull())
                .and(STATUSES.CREATED_AT.ge(from)).and(STATUSES.CREATED_AT.lt(to)));
    }

    /**
     * A page of the public timeline (Mastodon's PublicFeed): public statuses, no reblogs, no replies to others (a
     * thread by one author stays), nothing from suspended accounts, and from silenced (limited) ones only what
     * {@code viewerId} may see of them: theirs if they follow the author or are the author (a limited account is
     * hidden from everyone but its followers, as Mastodon's moderation documentation describes limiting);
     * {@code local} true for local statuses only, false for remote ones only, null for both.
     */
    public List<Long> publicTimeline(Tx tx, Boolean local, Long viewerId, Page page) {
        Condition hidden = ACCOUNTS.SUSPENDED_AT.isNotNull().or(ACCOUNTS.SILENCED_AT.isNotNull()
                .and(silencedHiddenFrom(viewerId)));
        Condition c = STATUSES.VISIBILITY.eq(DSL.inline("public")).and(STATUSES.REBLOG_OF_ID.isNull())
                .and(STATUSES.IN_REPLY_TO_ID.isNull().or(STATUSES.IN_REPLY_TO_ACCOUNT_ID.eq(STATUSES.ACCOUNT_ID)))
                .and(DSL.notExists(DSL.selectOne().from(ACCOUNTS).where(ACCOUNTS.ID.eq(STATUSES.ACCOUNT_ID))
                        .and(hidden)));
        if (local != null) {
            c = c.and(local ? STATUSES.LOCAL.isTrue() : STATUSES.LOCAL.isFalse());
        }
        var q = tx.dsl().select(STATUSES.ID).from(STATUSES).where(c);
        return Paging.fetch(q, STATUSES.ID, page).stream().map(r -> r.value1()).toList();
    }

    /** Direct replies to any of {@code parentIds}. */
    /** A reply's place in a thread: what a walk of the thread needs, without the status's text. */
    public record ReplyLink(long id, long inReplyToId, boolean reblog) {
    }

    /** The replies to any of {@code parentIds}, oldest first, at most {@code limit}. */
    public List<ReplyLink> repliesTo(Tx tx, Collection<Long> parentIds, int limit) {
        if (parentIds.isEmpty()) {
            return List.of();
        }
        return tx.dsl().select(STATUSES.ID, STATUSES.IN_REPLY_TO_ID, STATUSES.REBLOG_OF_ID).from(STATUSES)
                .where(STATUSES.IN_REPLY_TO_ID.in(parentIds))
                .orderBy(STATUSES.ID).limit(limit)
                .fetch(r -> new ReplyLink(r.value1(), r.value2(), r.value3() != null));
    }

    public static Status toStatus(Record r) {
        return new Status(r.get(STATUSES.ID), r.get(STATUSES.ACCOUNT_ID), r.get(STATUSES.URI), r.get(STATUSES.URL),
                r.get(STATUSES.LOCAL), Visibility.parse(r.get(STATUSES.VISIBILITY)).orElse(Visibility.PUBLIC),
                r.get(STATUSES.TEXT), r.get(STATUSES.CONTENT), r.get(STATUSES.SPOILER_TEXT), r.get(STATUSES.SENSITIVE),
                r.get(STATUSES.LANGUAGE), r.get(STATUSES.IN_REPLY_TO_ID), r.get(STATUSES.IN_REPLY_TO_ACCOUNT_ID),
                r.get(STATUSES.REBLOG_OF_ID), r.get(STATUSES.CONVERSATION_ID), r.get(STATUSES.APPLICATION_ID),
                r.get(STATUSES.POLL_ID), r.get(STATUSES.REPLIES_COUNT), r.get(STATUSES.REBLOGS_COUNT),
                r.get(STATUSES.FAVOURITES_COUNT), r.get(STATUSES.VERSION), r.get(STATUSES.EDITED_AT),
                r.get(STATUSES.CREATED_AT));
    }

    /**
     * For a query over ACCOUNTS (an author): true when a silenced author is hidden from {@code viewerId}, who is
     * neither the author nor one of its followers. Visitors see no silenced author.
     */
    public static Condition silencedHiddenFrom(Long viewerId) {
        if (viewerId == null) {
            return DSL.trueCondition();
        }
        return ACCOUNTS.ID.ne(viewerId).and(DSL.notExists(DSL.selectOne().from(FOLLOWS)
                .where(FOLLOWS.ACCOUNT_ID.eq(viewerId)).and(FOLLOWS.TARGET_ACCOUNT_ID.eq(ACCOUNTS.ID))));
    }
}
