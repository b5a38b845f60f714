package social.starling.db;

import static social.starling.db.schema.Tables.INSTANCE_SETTINGS;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Admin-editable instance settings as name/value pairs (texts such as the extended description). */
public final class InstanceSettingsRepository {

    public Optional<String> get(Tx tx, String name) {
        return tx.dsl().select(INSTANCE_SETTINGS.VALUE).from(INSTANCE_SETTINGS)
                .where(INSTANCE_SETTINGS.NAME.eq(name)).fetchOptional(INSTANCE_SETTINGS.VALUE);
    }

    public Optional<Instant> updatedAt(Tx tx, String name) {
        return tx.dsl().select(INSTANCE_SETTINGS.UPDATED_AT).from(INSTANCE_SETTINGS)
                .where(INSTANCE_SETTINGS.NAME.eq(name)).fetchOptional(INSTANCE_SETTINGS.UPDATED_AT);
    }

    public Map<String, String> all(Tx tx) {
        return tx.dsl().selectFrom(INSTANCE_SETTINGS).fetchMap(INSTANCE_SETTINGS.NAME, INSTANCE_SETTINGS.VALUE);
    }

    public void put(Tx tx, String name, String value, Instant now) {
        tx.dsl().insertInto(INSTANCE_SETTINGS)
                .set(INSTANCE_SETTINGS.NAME, name)
                .set(INSTANCE_SETTINGS.VALUE, value)
                .set(INSTANCE_SETTINGS.UPDATED_AT, now)
                .onConflict(INSTANCE_SETTINGS.NAME).doUpdate()
                .set(INSTANCE_SETTINGS.VALUE, value)
                .set(INSTANCE_SETTINGS.UPDATED_AT, now)
                .execute();
    }
}
