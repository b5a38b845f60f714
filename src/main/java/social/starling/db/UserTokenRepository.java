package social.starling.db;

import static social.starling.db.schema.Tables.USER_TOKENS;

import java.time.Instant;
import java.util.Optional;

/** One-time e-mail links (confirmation, password reset), stored as hashes. */
public final class UserTokenRepository {

    public void insert(Tx tx, String tokenHash, long accountId, String purpose, Instant expiresAt, Instant now) {
        tx.dsl().insertInto(USER_TOKENS)
                .set(USER_TOKENS.TOKEN_HASH, tokenHash)
                .set(USER_TOKENS.ACCOUNT_ID, accountId)
                .set(USER_TOKENS.PURPOSE, purpose)
                .set(USER_TOKENS.EXPIRES_AT, expiresAt)
                .set(USER_TOKENS.CREATED_AT, now)
                .execute();
    }

    /** Marks the token used and returns its account, if it exists, fits the purpose, is unused and unexpired. */
    public Optional<Long> consume(Tx tx, String tokenHash, String purpose, Instant now) {
        Optional<Long> account = tx.dsl().select(USER_TOKENS.ACCOUNT_ID).from(USER_TOKENS)
                .where(USER_TOKENS.TOKEN_HASH.eq(tokenHash))
                .and(USER_TOKENS.PURPOSE.eq(purpose))
                .and(USER_TOKENS.USED_AT.isNull())
                .and(USER_TOKENS.EXPIRES_AT.gt(now))
                .fetchOptional(USER_TOKENS.ACCOUNT_ID);
        account.ifPresent(id -> tx.dsl().update(USER_TOKENS).set(USER_TOKENS.USED_AT, now)
                .where(USER_TOKENS.TOKEN_HASH.eq(tokenHash)).execute());
        return account;
    }

    public boolean valid(Tx tx, String tokenHash, String purpose, Instant now) {
        return tx.dsl().fetchExists(USER_TOKENS, USER_TOKENS.TOKEN_HASH.eq(tokenHash)
                .and(USER_TOKENS.PURPOSE.eq(purpose)).and(USER_TOKENS.USED_AT.isNull())
                .and(USER_TOKENS.EXPIRES_AT.gt(now)));
    }

    public int deleteExpired(Tx tx, Instant before) {
        return tx.dsl().deleteFrom(USER_TOKENS).where(USER_TOKENS.EXPIRES_AT.lt(before)).execute();
    }
}
