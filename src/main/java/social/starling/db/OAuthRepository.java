package social.starling.db;

import static social.starling.db.schema.Tables.OAUTH_ACCESS_GRANTS;
import static social.starling.db.schema.Tables.OAUTH_ACCESS_TOKENS;
import static social.starling.db.schema.Tables.OAUTH_APPLICATIONS;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import social.starling.model.oauth.AccessGrant;
import social.starling.model.oauth.AccessToken;
import social.starling.model.oauth.AuthorizedApplication;
import social.starling.model.oauth.OAuthApplication;
import social.starling.model.oauth.Scopes;

/** OAuth applications, authorization codes and access tokens. Codes and tokens are looked up by SHA-256 hash. */
public final class OAuthRepository {

    public void insertApplication(Tx tx, OAuthApplication app, Long ownerId) {
        tx.dsl().insertInto(OAUTH_APPLICATIONS)
                .set(OAUTH_APPLICATIONS.ID, app.id())
                .set(OAUTH_APPLICATIONS.NAME, app.name())
                .set(OAUTH_APPLICATIONS.WEBSITE, app.website())
                .set(OAUTH_APPLICATIONS.REDIRECT_URIS, String.join("\n", app.redirectUris()))
                .set(OAUTH_APPLICATIONS.SCOPES, Scopes.format(app.scopes()))
                .set(OAUTH_APPLICATIONS.CLIENT_ID, app.clientId())
                .set(OAUTH_APPLICATIONS.CLIENT_SECRET, app.clientSecret())
                .set(OAUTH_APPLICATIONS.OWNER_ID, ownerId)
                .set(OAUTH_APPLICATIONS.CREATED_AT, app.createdAt())
                .set(OAUTH_APPLICATIONS.UPDATED_AT, app.createdAt())
                .execute();
    }

    public Optional<OAuthApplication> findApplication(Tx tx, long id) {
        return tx.dsl().selectFrom(OAUTH_APPLICATIONS).where(OAUTH_APPLICATIONS.ID.eq(id))
                .fetchOptional(OAuthRepository::toApplication);
    }

    public Optional<OAuthApplication> findApplicationByClientId(Tx tx, String clientId) {
        return tx.dsl().selectFrom(OAUTH_APPLICATIONS).where(OAUTH_APPLICATIONS.CLIENT_ID.eq(clientId))
                .fetchOptional(OAuthRepository::toApplication);
    }

    private static OAuthApplication toApplication(Record r) {
        return new OAuthApplication(r.get(OAUTH_APPLICATIONS.ID), r.get(OAUTH_APPLICATIONS.NAME),
                r.get(OAUTH_APPLICATIONS.WEBSITE),
                Arrays.stream(r.get(OAUTH_APPLICATIONS.REDIRECT_URIS).split("\n")).filter(s -> !s.isBlank()).toList(),
                Scopes.parse(r.get(OAUTH_APPLICATIONS.SCOPES)), r.get(OAUTH_APPLICATIONS.CLIENT_ID),
                r.get(OAUTH_APPLICATIONS.CLIENT_SECRET), r.get(OAUTH_APPLICATIONS.CREATED_AT));
    }

    public void insertGrant(Tx tx, AccessGrant grant, String codeHash, Instant now) {
        tx.dsl().insertInto(OAUTH_ACCESS_GRANTS)
                .set(OAUTH_ACCESS_GRANTS.ID, grant.id())
                .set(OAUTH_ACCESS_GRANTS.CODE_HASH, codeHash)
                .set(OAUTH_ACCESS_GRANTS.APPLICATION_ID, grant.applicationId())
                .set(OAUTH_ACCESS_GRANTS.ACCOUNT_ID, grant.accountId())
                .set(OAUTH_ACCESS_GRANTS.REDIRECT_URI, grant.redirectUri())
                .set(OAUTH_ACCESS_GRANTS.SCOPES, Scopes.format(grant.scopes()))
                .set(OAUTH_ACCESS_GRANTS.CODE_CHALLENGE, grant.codeChallenge())
                .set(OAUTH_ACCESS_GRANTS.CODE_CHALLENGE_METHOD, grant.codeChallengeMethod())
                .set(OAUTH_ACCESS_GRANTS.EXPIRES_AT, grant.expiresAt())
                .set(OAUTH_ACCESS_GRANTS.CREATED_AT, now)
                .execute();
    }

    public Optional<AccessGrant> findGrantByCodeHash(Tx tx, String codeHash) {
        return tx.dsl().selectFrom(OAUTH_ACCESS_GRANTS).where(OAUTH_ACCESS_GRANTS.CODE_HASH.eq(codeHash))
                .fetchOptional(r -> new AccessGrant(r.getId(), r.getApplicationId(), r.getAccountId(),
                        r.getRedirectUri(), Scopes.parse(r.getScopes()), r.getCodeChallenge(),
                        r.getCodeChallengeMethod(), r.getExpiresAt(), r.getUsedAt()));
    }

    /** Marks a code used; false if it already was (a replayed code). */
    public boolean useGrant(Tx tx, long grantId, Instant now) {
        return tx.dsl().update(OAUTH_ACCESS_GRANTS).set(OAUTH_ACCESS_GRANTS.USED_AT, now)
                .where(OAUTH_ACCESS_GRANTS.ID.eq(grantId)).and(OAUTH_ACCESS_GRANTS.USED_AT.isNull())
                .execute() == 1;
    }

    public void insertToken(Tx tx, AccessToken token, String tokenHash, Long grantId) {
        tx.dsl().insertInto(OAUTH_ACCESS_TOKENS)
                .set(OAUTH_ACCESS_TOKENS.ID, token.id())
                .set(OAUTH_ACCESS_TOKENS.TOKEN_HASH, tokenHash)
                .set(OAUTH_ACCESS_TOKENS.APPLICATION_ID, token.applicationId())
                .set(OAUTH_ACCESS_TOKENS.ACCOUNT_ID, token.accountId())
                .set(OAUTH_ACCESS_TOKENS.SCOPES, Scopes.format(token.scopes()))
                .set(OAUTH_ACCESS_TOKENS.GRANT_ID, grantId)
                .set(OAUTH_ACCESS_TOKENS.CREATED_AT, token.createdAt())
                .execute();
    }

    public Optional<AccessToken> findTokenByHash(Tx tx, String tokenHash) {
        return tx.dsl().selectFrom(OAUTH_ACCESS_TOKENS).where(OAUTH_ACCESS_TOKENS.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(OAuthRepository::toToken);
    }

    private static AccessToken toToken(Record r) {
        return new AccessToken(r.get(OAUTH_ACCESS_TOKENS.ID), r.get(OAUTH_ACCESS_TOKENS.APPLICATION_ID),
                r.get(OAUTH_ACCESS_TOKENS.ACCOUNT_ID), Scopes.parse(r.get(OAUTH_ACCESS_TOKENS.SCOPES)),
                r.get(OAUTH_ACCESS_TOKENS.CREATED_AT), r.get(OAUTH_ACCESS_TOKENS.REVOKED_AT));
    }

    public boolean revokeToken(Tx tx, long tokenId, Instant now) {
        return tx.dsl().update(OAUTH_ACCESS_TOKENS).set(OAUTH_ACCESS_TOKENS.REVOKED_AT, now)
                .where(OAUTH_ACCESS_TOKENS.ID.eq(tokenId)).and(OAUTH_ACCESS_TOKENS.REVOKED_AT.isNull())
                .execute() == 1;
    }

    /** Revokes every token issued from one authorization code (a replayed code, per RFC 6749 §4.1.2). */
    public List<Long> revokeTokensOfGrant(Tx tx, long grantId, Instant now) {
        List<Long> ids = tx.dsl().select(OAUTH_ACCESS_TOKENS.ID).from(OAUTH_ACCESS_TOKENS)
                .where(OAUTH_ACCESS_TOKENS.GRANT_ID.eq(grantId)).fetch(OAUTH_ACCESS_TOKENS.ID);
        tx.dsl().update(OAUTH_ACCESS_TOKENS).set(OAUTH_ACCESS_TOKENS.REVOKED_AT, now)
                .where(OAUTH_ACCESS_TOKENS.GRANT_ID.eq(grantId)).and(OAUTH_ACCESS_TOKENS.REVOKED_AT.isNull())
                .execute();
        return ids;
    }

    /** Revokes all tokens of an account (password reset, account disabled). Returns their ids. */
    public List<Long> revokeTokensOfAccount(Tx tx, long accountId, Instant now) {
        List<Long> ids = tx.dsl().select(OAUTH_ACCESS_TOKENS.ID).from(OAUTH_ACCESS_TOKENS)
                .where(OAUTH_ACCESS_TOKENS.ACCOUNT_ID.eq(accountId)).and(OAUTH_ACCESS_TOKENS.REVOKED_AT.isNull())
                .fetch(OAUTH_ACCESS_TOKENS.ID);
        tx.dsl().update(OAUTH_ACCESS_TOKENS).set(OAUTH_ACCESS_TOKENS.REVOKED_AT, now)
                .where(OAUTH_ACCESS_TOKENS.ACCOUNT_ID.eq(accountId)).and(OAUTH_ACCESS_TOKENS.REVOKED_AT.isNull())
                .execute();
        return ids;
    }

    /**
     * The applications holding live (unrevoked) tokens of an account, oldest authorisation first, each once with
     * the scopes of its live tokens together. Tokens the web UI made for itself (no application) are not listed.
     */
    public List<AuthorizedApplication> authorizedApplications(Tx tx, long accountId) {
        java.util.Map<Long, AuthorizedApplication> byApp = new java.util.LinkedHashMap<>();
        tx.dsl().select(OAUTH_APPLICATIONS.ID, OAUTH_APPLICATIONS.NAME, OAUTH_APPLICATIONS.WEBSITE,
                        OAUTH_ACCESS_TOKENS.SCOPES, OAUTH_ACCESS_TOKENS.CREATED_AT)
                .from(OAUTH_ACCESS_TOKENS).join(OAUTH_APPLICATIONS)
                .on(OAUTH_APPLICATIONS.ID.eq(OAUTH_ACCESS_TOKENS.APPLICATION_ID))
                .where(OAUTH_ACCESS_TOKENS.ACCOUNT_ID.eq(accountId)).and(OAUTH_ACCESS_TOKENS.REVOKED_AT.isNull())
                .orderBy(OAUTH_ACCESS_TOKENS.CREATED_AT, OAUTH_ACCESS_TOKENS.ID)
                .fetch().forEach(r -> byApp.merge(r.get(OAUTH_APPLICATIONS.ID),
                        new AuthorizedApplication(r.get(OAUTH_APPLICATIONS.ID), r.get(OAUTH_APPLICATIONS.NAME),
                                r.get(OAUTH_APPLICATIONS.WEBSITE), Scopes.parse(r.get(OAUTH_ACCESS_TOKENS.SCOPES)),
                                r.get(OAUTH_ACCESS_TOKENS.CREATED_AT)),
                        (first, later) -> {
                            java.util.Set<String> scopes = new java.util.TreeSet<>(first.scopes());
                            scopes.addAll(later.scopes());
                            return new AuthorizedApplication(first.id(), first.name(), first.website(),
                                    java.util.Collections.unmodifiableSet(scopes), first.authorizedAt());
                        }));
        return List.copyOf(byApp.values());
    }

    /** Revokes an account's live tokens of one application. Returns their ids. */
    public List<Long> revokeTokensOfApplication(Tx tx, long accountId, long applicationId, Instant now) {
        List<Long> ids = tx.dsl().select(OAUTH_ACCESS_TOKENS.ID).from(OAUTH_ACCESS_TOKENS)
                .where(OAUTH_ACCESS_TOKENS.ACCOUNT_ID.eq(accountId))
                .and(OAUTH_ACCESS_TOKENS.APPLICATION_ID.eq(applicationId))
                .and(OAUTH_ACCESS_TOKENS.REVOKED_AT.isNull())
                .fetch(OAUTH_ACCESS_TOKENS.ID);
        if (!ids.isEmpty()) {
            tx.dsl().update(OAUTH_ACCESS_TOKENS).set(OAUTH_ACCESS_TOKENS.REVOKED_AT, now)
                    .where(OAUTH_ACCESS_TOKENS.ID.in(ids)).and(OAUTH_ACCESS_TOKENS.REVOKED_AT.isNull()).execute();
        }
        return ids;
    }

    public void touchToken(Tx tx, long tokenId, Instant now) {
        tx.dsl().update(OAUTH_ACCESS_TOKENS).set(OAUTH_ACCESS_TOKENS.LAST_USED_AT, now)
                .where(OAUTH_ACCESS_TOKENS.ID.eq(tokenId)).execute();
    }

    public int deleteExpiredGrants(Tx tx, Instant before) {
        return tx.dsl().deleteFrom(OAUTH_ACCESS_GRANTS).where(OAUTH_ACCESS_GRANTS.EXPIRES_AT.lt(before)).execute();
    }
}
