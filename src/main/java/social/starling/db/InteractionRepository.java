package social.starling.db;

import static social.starling.db.schema.Tables.BOOKMARKS;
import static social.starling.db.schema.Tables.CONVERSATION_MUTES;
import static social.starling.db.schema.Tables.FAVOURITES;
import static social.starling.db.schema.Tables.MARKS_VERSIONS;
import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.STATUS_PINS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import org.jooq.impl.DSL;

/**
 * A viewer's marks on statuses (favourited, reblogged, bookmarked, pinned, conversation muted), read for a whole
 * page in one round trip.
 */
public final class InteractionRepository {
    private final RenderedOnce rendered = new RenderedOnce();

    /** Which of the given statuses the viewer favourited, reblogged, bookmarked or pinned, and muted threads. */
    public record Marks(Set<Long> favourited, Set<Long> reblogged, Set<Long> bookmarked, Set<Long> pinned,
                        Set<Long> mutedConversations) {
        public static final Marks NONE = new Marks(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /**
     * @param pinnable among {@code statusIds}, those a pin may hold (the viewer's own): only these are looked up in
     *                 pins, and muted conversations only when there are some, so a page costs fewer index probes
     */
    public Marks marks(Tx tx, long viewerId, Collection<Long> statusIds, Collection<Long> pinnable,
                       Collection<Long> conversationIds) {
        if (statusIds.isEmpty()) {
            return Marks.NONE;
        }
        List<Object> values = new ArrayList<>();
        for (Collection<Long> ids : List.of(statusIds, statusIds, statusIds, pinnable, conversationIds)) {
            if (!ids.isEmpty()) {
                values.add(viewerId);
                values.addAll(ids);
            }
        }
        var rows = rendered.fetch(tx, List.of("marks", statusIds.size(), pinnable.size(), conversationIds.size()),
                () -> query(viewerId, statusIds, pinnable, conversationIds), MARK_FIELDS, values.toArray());
        Set<Long> f = new HashSet<>();
        Set<Long> r = new HashSet<>();
        Set<Long> b = new HashSet<>();
        Set<Long> p = new HashSet<>();
        Set<Long> m = new HashSet<>();
        rows.forEach(row -> {
            long value = row.get(1, Long.class);
            switch (row.get(0, String.class)) {
                case "f" -> f.add(value);
                case "r" -> r.add(value);
                case "b" -> b.add(value);
                case "p" -> p.add(value);
                default -> m.add(value);
            }
        });
        return new Marks(f, r, b, p, m);
    }

    /**
     * The version of the viewer's marks and follows: the database bumps it in the same transaction as any change to
     * the rows {@link #marks} reads (V31's triggers) and to whom the viewer follows (V35's), so equal versions mean
     * equal marks and equal follows. 0 for an account never marked nor following.
     */
    public long marksVersion(Tx tx, long viewerId) {
        var rows = rendered.fetch(tx, List.of("marks_version"), () -> tx.dsl().select(MARKS_VERSIONS.VERSION)
                .from(MARKS_VERSIONS).where(MARKS_VERSIONS.ACCOUNT_ID.eq(viewerId)), VERSION_FIELDS, viewerId);
        return rows.isEmpty() ? 0 : rows.getFirst().get(0, Long.class);
    }

    private static final List<org.jooq.Field<?>> VERSION_FIELDS = List.of(MARKS_VERSIONS.VERSION);

    private static final List<org.jooq.Field<?>> MARK_FIELDS = List.of(DSL.field(DSL.name("kind"), String.class),
            DSL.field(DSL.name("id"), Long.class));

    private static org.jooq.ResultQuery<?> query(long viewerId, Collection<Long> statusIds, Collection<Long> pinnable,
                                                 Collection<Long> conversationIds) {
        org.jooq.Select<org.jooq.Record2<String, Long>> q = DSL.select(DSL.inline("f").as("kind"),
                        FAVOURITES.STATUS_ID.as("id")).from(FAVOURITES)
                .where(FAVOURITES.ACCOUNT_ID.eq(viewerId)).and(FAVOURITES.STATUS_ID.in(statusIds))
                .unionAll(DSL.select(DSL.inline("r"), STATUSES.REBLOG_OF_ID).from(STATUSES)
                        .where(STATUSES.ACCOUNT_ID.eq(viewerId)).and(STATUSES.REBLOG_OF_ID.in(statusIds)))
                .unionAll(DSL.select(DSL.inline("b"), BOOKMARKS.STATUS_ID).from(BOOKMARKS)
                        .where(BOOKMARKS.ACCOUNT_ID.eq(viewerId)).and(BOOKMARKS.STATUS_ID.in(statusIds)));
        if (!pinnable.isEmpty()) {
            q = q.unionAll(DSL.select(DSL.inline("p"), STATUS_PINS.STATUS_ID).from(STATUS_PINS)
                    .where(STATUS_PINS.ACCOUNT_ID.eq(viewerId)).and(STATUS_PINS.STATUS_ID.in(pinnable)));
        }
        if (!conversationIds.isEmpty()) {
            q = q.unionAll(DSL.select(DSL.inline("m"), CONVERSATION_MUTES.CONVERSATION_ID).from(CONVERSATION_MUTES)
                    .where(CONVERSATION_MUTES.ACCOUNT_ID.eq(viewerId))
                    .and(CONVERSATION_MUTES.CONVERSATION_ID.in(conversationIds)));
        }
        return (org.jooq.ResultQuery<?>) q;
    }
}
