package social.starling.service.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import social.starling.db.Database;
import social.starling.db.OAuthRepository;
import social.starling.errors.OAuthException;
import social.starling.model.IdGenerator;
import social.starling.model.User;
import social.starling.model.oauth.AccessGrant;
import social.starling.model.oauth.AccessToken;
import social.starling.model.oauth.OAuthApplication;
import social.starling.model.oauth.Scopes;
import social.starling.service.security.LoginService;
import social.starling.support.Hashes;
import social.starling.support.Secrets;

/**
 * OAuth 2 as Mastodon runs it (Doorkeeper): authorization codes (with PKCE, S256 or plain), the
 * {@code authorization_code}, {@code client_credentials} and {@code password} grants, and revocation. Codes live
 * ten minutes and work once; a replayed code revokes the tokens it produced. Tokens never expire unless revoked.
 */
public final class TokenService {
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final Pattern VERIFIER = Pattern.compile("^[A-Za-z0-9\\-._~]{43,128}$");

    /** A token as handed to a client: the secret value itself exists only here. */
    public record IssuedToken(String accessToken, AccessToken token) {
    }

    private final Database db;
    private final OAuthRepository oauth;
    private final LoginService logins;
    private final TokenAuthenticator authenticator;
    private final IdGenerator ids;
    private final Clock clock;

    public TokenService(Database db, OAuthRepository oauth, LoginService logins, TokenAuthenticator authenticator,
                        IdGenerator ids, Clock clock) {
        this.db = db;
        this.oauth = oauth;
        this.logins = logins;
        this.authenticator = authenticator;
        this.ids = ids;
        this.clock = clock;
    }

    public Optional<OAuthApplication> findApplication(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return Optional.empty();
        }
        return db.read(tx -> oauth.findApplicationByClientId(tx, clientId.trim()));
    }

    public Optional<OAuthApplication> findApplication(long id) {
        return db.read(tx -> oauth.findApplication(tx, id));
    }

    /** The app these credentials belong to; an unknown client or a wrong secret is {@code invalid_client}. */
    public OAuthApplication authenticateClient(String clientId, String clientSecret) {
        OAuthApplication app = findApplication(clientId).orElseThrow(OAuthException::invalidClient);
        if (!Hashes.constantTimeEquals(app.clientSecret(), clientSecret)) {
            throw OAuthException.invalidClient();
        }
        return app;
    }

    /** Issues an authorization code for {@code accountId}, after the user approved the app on the consent page. */
    public String createCode(OAuthApplication app, long accountId, String redirectUri, Set<String> scopes,
                             String codeChallenge, String codeChallengeMethod) {
        String code = Secrets.token(32);
        Instant now = clock.instant();
        AccessGrant grant = new AccessGrant(ids.next(), app.id(), accountId, redirectUri, scopes,
                blankToNull(codeChallenge), codeChallenge == null || codeChallenge.isBlank() ? null
                : (codeChallengeMethod == null || codeChallengeMethod.isBlank() ? "plain" : codeChallengeMethod),
                now.plus(CODE_LIFETIME), null);
        db.inTransaction(tx -> {
            oauth.insertGrant(tx, grant, Hashes.sha256Hex(code), now);
            return null;
        });
        return code;
    }

    /**
     * {@code grant_type=authorization_code}. The client authenticates with its secret, or, for a code issued with
     * a PKCE challenge, with the matching {@code code_verifier}.
     */
    public IssuedToken exchangeCode(String clientId, String clientSecret, String code, String redirectUri,
                                    String codeVerifier) {
        OAuthApplication app = findApplication(clientId).orElseThrow(OAuthException::invalidClient);
        if (code == null || code.isBlank()) {
            throw OAuthException.invalidRequest("Missing required parameter: code.");
        }
        Instant now = clock.instant();
        // Empty when the code was used before: its tokens are revoked in this (committed) transaction, and the
        // request fails afterwards with invalid_grant (RFC 6749 §4.1.2).
        Optional<IssuedToken> issued = db.inTransaction(tx -> {
            AccessGrant grant = oauth.findGrantByCodeHash(tx, Hashes.sha256Hex(code.trim()))
                    .filter(g -> g.applicationId() == app.id())
                    .orElseThrow(OAuthException::invalidGrant);
            boolean pkce = grant.codeChallenge() != null;
            if (clientSecret != null && !clientSecret.isBlank()) {
                if (!Hashes.constantTimeEquals(app.clientSecret(), clientSecret)) {
                    throw OAuthException.invalidClient();
                }
            } else if (!pkce) {
                throw OAuthException.invalidClient();
            }
            if (grant.usedAt() != null) {
                for (long id : oauth.revokeTokensOfGrant(tx, grant.id(), now)) {
                    tx.afterCommit(() -> authenticator.evictTokenId(id));
                }
                return Optional.<IssuedToken>empty();
            }
            if (grant.expiresAt().isBefore(now) || redirectUri == null || !redirectUri.equals(grant.redirectUri())
                    || (pkce && !verifierMatches(grant, codeVerifier)) || !oauth.useGrant(tx, grant.id(), now)) {
                throw OAuthException.invalidGrant();
            }
            return Optional.of(issue(tx, app.id(), grant.accountId(), grant.scopes(), grant.id(), now));
        });
        return issued.orElseThrow(OAuthException::invalidGrant);
    }

    private static boolean verifierMatches(AccessGrant grant, String verifier) {
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            return false;
        }
        String expected = "S256".equals(grant.codeChallengeMethod()) ? Hashes.sha256Base64Url(verifier) : verifier;
        return Hashes.constantTimeEquals(expected, grant.codeChallenge());
    }

    /** {@code grant_type=client_credentials}: an app-only token, for app-level calls such as registration. */
    public IssuedToken clientCredentials(String clientId, String clientSecret, String scope) {
        OAuthApplication app = authenticateClient(clientId, clientSecret);
        Set<String> scopes = requestedScopes(app, scope);
        Instant now = clock.instant();
        return db.inTransaction(tx -> issue(tx, app.id(), null, scopes, null, now));
    }

    /**
     * {@code grant_type=password} (toot and Mastodon.py log in this way): Mastodon takes the e-mail address as
     * {@code username}; a local username works too. As on Mastodon, an unconfirmed or pending login still gets a
     * token, and the API then refuses it with "Your login is currently pending approval" and the like.
     */
    public IssuedToken password(String clientId, String clientSecret, String username, String password,
                                String scope, String ip) {
        OAuthApplication app = authenticateClient(clientId, clientSecret);
        Set<String> scopes = requestedScopes(app, scope);
        User user = logins.verify(username, password, ip).orElseThrow(OAuthException::invalidGrant);
        if (user.disabled()) {
            throw OAuthException.invalidGrant();
        }
        Instant now = clock.instant();
        return db.inTransaction(tx -> issue(tx, app.id(), user.accountId(), scopes, null, now));
    }

    /** A token for an account created through the API ({@code POST /api/v1/accounts}). */
    public IssuedToken issueForNewAccount(long applicationId, long accountId, Set<String> scopes) {
        Instant now = clock.instant();
        return db.inTransaction(tx -> issue(tx, applicationId, accountId, scopes, null, now));
    }

    private Set<String> requestedScopes(OAuthApplication app, String scope) {
        Set<String> scopes = scope == null || scope.isBlank() ? app.scopes() : Scopes.parse(scope);
        if (!Scopes.allKnown(scopes) || !Scopes.within(scopes, app.scopes())) {
            throw OAuthException.invalidScope();
        }
        return scopes;
    }

    private IssuedToken issue(social.starling.db.Tx tx, Long appId, Long accountId, Set<String> scopes, Long grantId,
                              Instant now) {
        String value = Secrets.token(32);
        AccessToken token = new AccessToken(ids.next(), appId, accountId, scopes, now, null);
        oauth.insertToken(tx, token, Hashes.sha256Hex(value), grantId);
        return new IssuedToken(value, token);
    }

    /**
     * {@code POST /oauth/revoke}: the app revokes one of its tokens. Revoking an unknown or already revoked token
     * succeeds (it is idempotent); a token of another app is refused.
     */
    public void revoke(String clientId, String clientSecret, String rawToken) {
        OAuthApplication app = authenticateClient(clientId, clientSecret);
        if (rawToken == null || rawToken.isBlank()) {
            throw new OAuthException("unauthorized_client", "You are not authorized to revoke this token", 403);
        }
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            oauth.findTokenByHash(tx, Hashes.sha256Hex(rawToken.trim())).ifPresent(token -> {
                if (token.applicationId() == null || token.applicationId() != app.id()) {
                    throw new OAuthException("unauthorized_client", "You are not authorized to revoke this token",
                            403);
                }
                oauth.revokeToken(tx, token.id(), now);
            });
            return null;
        });
        authenticator.evictToken(rawToken);
    }

    /** The applications holding live tokens of this account (the "Authorized apps" settings page). */
    public java.util.List<social.starling.model.oauth.AuthorizedApplication> authorizedApplications(long accountId) {
        return db.read(tx -> oauth.authorizedApplications(tx, accountId));
    }

    /**
     * The account withdraws an application's access: every live token of that app for this account is revoked
     * at once (a cached one included), as Mastodon's Oauth::AuthorizedApplicationsController#destroy. Revoking an
     * app without tokens changes nothing.
     */
    public void revokeApplication(long accountId, long applicationId) {
        Instant now = clock.instant();
        java.util.List<Long> revoked = db.inTransaction(tx ->
                oauth.revokeTokensOfApplication(tx, accountId, applicationId, now));
        revoked.forEach(authenticator::evictTokenId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
