package social.starling.db;

import static social.starling.db.schema.Tables.WEB_SESSIONS;

import java.time.Instant;
import java.util.Optional;

/** Browser sessions of the web pages, looked up by the hash of the cookie's value. */
public final class WebSessionRepository {
    public record Session(String idHash, long accountId, Instant expiresAt, Instant lastSeenAt) {
    }

    public void insert(Tx tx, String idHash, long accountId, String userAgent, String ip, Instant expiresAt,
                       Instant now) {
        tx.dsl().insertInto(WEB_SESSIONS)
                .set(WEB_SESSIONS.ID_HASH, idHash)
                .set(WEB_SESSIONS.ACCOUNT_ID, accountId)
                .set(WEB_SESSIONS.USER_AGENT, userAgent == null ? null
                        : userAgent.substring(0, Math.min(512, userAgent.length())))
                .set(WEB_SESSIONS.IP, ip)
                .set(WEB_SESSIONS.EXPIRES_AT, expiresAt)
                .set(WEB_SESSIONS.LAST_SEEN_AT, now)
                .set(WEB_SESSIONS.CREATED_AT, now)
                .execute();
    }

    public Optional<Session> find(Tx tx, String idHash) {
        return tx.dsl().selectFrom(WEB_SESSIONS).where(WEB_SESSIONS.ID_HASH.eq(idHash))
                .fetchOptional(r -> new Session(r.getIdHash(), r.getAccountId(), r.getExpiresAt(), r.getLastSeenAt()));
    }

    public void delete(Tx tx, String idHash) {
        tx.dsl().deleteFrom(WEB_SESSIONS).where(WEB_SESSIONS.ID_HASH.eq(idHash)).execute();
    }

    public void deleteForAccount(Tx tx, long accountId) {
        tx.dsl().deleteFrom(WEB_SESSIONS).where(WEB_SESSIONS.ACCOUNT_ID.eq(accountId)).execute();
    }

    /** Deletes an account's sessions but one (the browser that changed the password keeps its own). */
    public void deleteOthers(Tx tx, long accountId, String keepIdHash) {
        tx.dsl().deleteFrom(WEB_SESSIONS).where(WEB_SESSIONS.ACCOUNT_ID.eq(accountId))
                .and(WEB_SESSIONS.ID_HASH.ne(keepIdHash)).execute();
    }

    public int deleteExpired(Tx tx, Instant now) {
        return tx.dsl().deleteFrom(WEB_SESSIONS).where(WEB_SESSIONS.EXPIRES_AT.lt(now)).execute();
    }
}
