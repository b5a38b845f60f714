package social.starling.db;

import static social.starling.db.schema.Tables.MARKERS;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import social.starling.model.Marker;

/** Read positions per person and timeline (table {@code markers}). */
public final class MarkerRepository {

    public List<Marker> findAll(Tx tx, long accountId, Collection<String> timelines) {
        if (timelines.isEmpty()) {
            return List.of();
        }
        return tx.dsl().selectFrom(MARKERS).where(MARKERS.ACCOUNT_ID.eq(accountId)).and(MARKERS.TIMELINE.in(timelines))
                .orderBy(MARKERS.TIMELINE).fetch(MarkerRepository::toMarker);
    }

    public Optional<Marker> find(Tx tx, long accountId, String timeline) {
        return tx.dsl().selectFrom(MARKERS).where(MARKERS.ACCOUNT_ID.eq(accountId)).and(MARKERS.TIMELINE.eq(timeline))
                .fetchOptional(MarkerRepository::toMarker);
    }

    /**
     * Creates the marker at version 0, or moves it: a changed position bumps the version and the time in the same
     * statement (so two concurrent saves both count); saving the same position again changes nothing.
     */
    public void save(Tx tx, long accountId, String timeline, long lastReadId, Instant now) {
        tx.dsl().insertInto(MARKERS)
                .set(MARKERS.ACCOUNT_ID, accountId)
                .set(MARKERS.TIMELINE, timeline)
                .set(MARKERS.LAST_READ_ID, lastReadId)
                .set(MARKERS.VERSION, 0)
                .set(MARKERS.UPDATED_AT, now)
                .onConflict(MARKERS.ACCOUNT_ID, MARKERS.TIMELINE).doUpdate()
                .set(MARKERS.LAST_READ_ID, lastReadId)
                .set(MARKERS.VERSION, MARKERS.VERSION.plus(1))
                .set(MARKERS.UPDATED_AT, now)
                .where(MARKERS.LAST_READ_ID.ne(lastReadId))
                .execute();
    }

    private static Marker toMarker(Record r) {
        return new Marker(r.get(MARKERS.TIMELINE), r.get(MARKERS.LAST_READ_ID), r.get(MARKERS.VERSION),
                r.get(MARKERS.UPDATED_AT));
    }
}
