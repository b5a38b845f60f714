package social.starling.db;

import static social.starling.db.schema.Tables.STATUS_TAGS;
import static social.starling.db.schema.Tables.TAGS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import social.starling.model.IdGenerator;

/** Hashtags and which statuses use them. Tags are unique by their lower-cased name. */
public final class TagRepository {
    public record Tag(long id, String name) {
    }

    /** The tag named {@code name} (any case), created if new; keeps the first spelling seen. */
    public Tag findOrCreate(Tx tx, String name, IdGenerator ids, Instant now) {
        String key = name.toLowerCase(Locale.ROOT);
        tx.dsl().insertInto(TAGS).set(TAGS.ID, ids.next()).set(TAGS.NAME, name).set(TAGS.NAME_KEY, key)
                .set(TAGS.CREATED_AT, now).onConflict(TAGS.NAME_KEY).doNothing().execute();
        return tx.dsl().select(TAGS.ID, TAGS.NAME).from(TAGS).where(TAGS.NAME_KEY.eq(key))
                .fetchOne(r -> new Tag(r.value1(), r.value2()));
    }

    public Optional<Tag> find(Tx tx, String name) {
        return tx.dsl().select(TAGS.ID, TAGS.NAME).from(TAGS).where(TAGS.NAME_KEY.eq(name.toLowerCase(Locale.ROOT)))
                .fetchOptional(r -> new Tag(r.value1(), r.value2()));
    }

    public List<Tag> findAll(Tx tx, Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return tx.dsl().select(TAGS.ID, TAGS.NAME).from(TAGS)
                .where(TAGS.NAME_KEY.in(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList()))
                .fetch(r -> new Tag(r.value1(), r.value2()));
    }

    public void attach(Tx tx, long statusId, long tagId, Instant now) {
        tx.dsl().insertInto(STATUS_TAGS).set(STATUS_TAGS.STATUS_ID, statusId).set(STATUS_TAGS.TAG_ID, tagId)
                .onConflictDoNothing().execute();
        tx.dsl().update(TAGS).set(TAGS.LAST_STATUS_AT, now).where(TAGS.ID.eq(tagId)).execute();
    }

    public void detachAll(Tx tx, long statusId) {
        tx.dsl().deleteFrom(STATUS_TAGS).where(STATUS_TAGS.STATUS_ID.eq(statusId)).execute();
    }

    /** Tag names per status, in no particular order. */
    public Map<Long, List<String>> namesOf(Tx tx, Collection<Long> statusIds) {
        Map<Long, List<String>> out = new HashMap<>();
        if (statusIds.isEmpty()) {
            return out;
        }
        tx.dsl().select(STATUS_TAGS.STATUS_ID, TAGS.NAME).from(STATUS_TAGS).join(TAGS).on(TAGS.ID.eq(STATUS_TAGS.TAG_ID))
                .where(STATUS_TAGS.STATUS_ID.in(statusIds))
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return out;
    }
}
