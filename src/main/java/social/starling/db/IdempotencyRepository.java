package social.starling.db;

import static social.starling.db.schema.Tables.IDEMPOTENCY_KEYS;

import java.time.Instant;
import java.util.Optional;

/** Idempotency-Key headers seen on POST /api/v1/statuses (hashed), kept an hour. */
public final class IdempotencyRepository {

    public Optional<Long> find(Tx tx, long accountId, String keyHash, Instant notBefore) {
        return tx.dsl().select(IDEMPOTENCY_KEYS.STATUS_ID).from(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.ACCOUNT_ID.eq(accountId)).and(IDEMPOTENCY_KEYS.KEY_HASH.eq(keyHash))
                .and(IDEMPOTENCY_KEYS.CREATED_AT.ge(notBefore))
                .fetchOptional(IDEMPOTENCY_KEYS.STATUS_ID);
    }

    public void insert(Tx tx, long accountId, String keyHash, long statusId, Instant now) {
        tx.dsl().insertInto(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.ACCOUNT_ID, accountId).set(IDEMPOTENCY_KEYS.KEY_HASH, keyHash)
                .set(IDEMPOTENCY_KEYS.STATUS_ID, statusId).set(IDEMPOTENCY_KEYS.CREATED_AT, now)
                .onConflict(IDEMPOTENCY_KEYS.ACCOUNT_ID, IDEMPOTENCY_KEYS.KEY_HASH).doUpdate()
                .set(IDEMPOTENCY_KEYS.STATUS_ID, statusId).set(IDEMPOTENCY_KEYS.CREATED_AT, now)
                .execute();
    }

    public int deleteBefore(Tx tx, Instant before) {
        return tx.dsl().deleteFrom(IDEMPOTENCY_KEYS).where(IDEMPOTENCY_KEYS.CREATED_AT.lt(before)).execute();
    }
}
