package social.starling.db;

import static social.starling.db.schema.Tables.BOOKMARKS;
import static social.starling.db.schema.Tables.FAVOURITES;
import static social.starling.db.schema.Tables.STATUS_PINS;

import java.time.Instant;
import java.util.List;
import org.jooq.Field;
import org.jooq.Table;
import social.starling.model.Page;
import social.starling.model.StatusMark;

/**
 * Favourites, bookmarks and pins: tables of the same shape, one row per (account, status) with an id of its own.
 * Adding is idempotent and says whether a row was made, so counters move once even under concurrent requests.
 */
public final class StatusMarkRepository {
    public enum Kind { FAVOURITE, BOOKMARK, PIN }

    private record Columns(Table<?> table, Field<Long> id, Field<Long> account, Field<Long> status,
                           Field<Instant> createdAt) {
    }

    private static Columns columns(Kind kind) {
        return switch (kind) {
            case FAVOURITE -> new Columns(FAVOURITES, FAVOURITES.ID, FAVOURITES.ACCOUNT_ID, FAVOURITES.STATUS_ID,
                    FAVOURITES.CREATED_AT);
            case BOOKMARK -> new Columns(BOOKMARKS, BOOKMARKS.ID, BOOKMARKS.ACCOUNT_ID, BOOKMARKS.STATUS_ID,
                    BOOKMARKS.CREATED_AT);
            case PIN -> new Columns(STATUS_PINS, STATUS_PINS.ID, STATUS_PINS.ACCOUNT_ID, STATUS_PINS.STATUS_ID,
                    STATUS_PINS.CREATED_AT);
        };
    }

    /** Adds the mark unless it exists; true if a row was inserted. */
    public boolean add(Tx tx, Kind kind, long id, long accountId, long statusId, Instant now) {
        Columns c = columns(kind);
        return tx.dsl().insertInto(c.table(), c.id(), c.account(), c.status(), c.createdAt())
                .values(id, accountId, statusId, now)
                .onConflictDoNothing()
                .execute() > 0;
    }

    /** Removes the mark; true if there was one. */
    public boolean remove(Tx tx, Kind kind, long accountId, long statusId) {
        Columns c = columns(kind);
        return tx.dsl().deleteFrom(c.table()).where(c.account().eq(accountId)).and(c.status().eq(statusId))
                .execute() > 0;
    }

    public boolean exists(Tx tx, Kind kind, long accountId, long statusId) {
        Columns c = columns(kind);
        return tx.dsl().fetchExists(c.table(), c.account().eq(accountId).and(c.status().eq(statusId)));
    }

    public int count(Tx tx, Kind kind, long accountId) {
        Columns c = columns(kind);
        return tx.dsl().fetchCount(c.table(), c.account().eq(accountId));
    }

    /** One account's marks, newest first, paged by the mark's id. */
    public List<StatusMark> byAccount(Tx tx, Kind kind, long accountId, Page page) {
        Columns c = columns(kind);
        var q = tx.dsl().select(c.id(), c.account(), c.status()).from(c.table()).where(c.account().eq(accountId));
        return Paging.fetch(q, c.id(), page).stream().map(r -> new StatusMark(r.value1(), r.value2(), r.value3()))
                .toList();
    }

    /** One status's marks, newest first, paged by the mark's id. */
    public List<StatusMark> byStatus(Tx tx, Kind kind, long statusId, Page page) {
        Columns c = columns(kind);
        var q = tx.dsl().select(c.id(), c.account(), c.status()).from(c.table()).where(c.status().eq(statusId));
        return Paging.fetch(q, c.id(), page).stream().map(r -> new StatusMark(r.value1(), r.value2(), r.value3()))
                .toList();
    }
}
