package social.starling.service.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.OAuthRepository;
import social.starling.db.UserRepository;
import social.starling.support.Hashes;
import social.starling.support.OwnedCache;

/**
 * Turns a bearer token into a {@link Caller}. Lookups are cached (by the token's hash), so an authenticated request
 * costs no database round trip; changing an account evicts its entries on every node (an {@code AccountChanged}
 * event), revoking a token on this node, and entries expire after a minute, which bounds what another node's
 * revocation or a lost event can cost. "Last active" is recorded at most once an
 * hour per user, off the request path.
 */
public final class TokenAuthenticator {
    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticator.class);
    private static final Duration ACTIVITY_RESOLUTION = Duration.ofHours(1);

    private final Database db;
    private final OAuthRepository oauth;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final Clock clock;
    private final OwnedCache<String, Optional<Caller>> cache = new OwnedCache<>(Duration.ofMinutes(1), 100_000,
            c -> c.isPresent() && c.get().account() != null ? c.get().account().id() : null);

    public TokenAuthenticator(Database db, OAuthRepository oauth, AccountRepository accounts, UserRepository users,
                              Clock clock) {
        this.db = db;
        this.oauth = oauth;
        this.accounts = accounts;
        this.users = users;
        this.clock = clock;
    }

    /** The caller behind {@code rawToken}, or empty if the token is unknown or revoked. */
    public Optional<Caller> authenticate(String rawToken) {
        if (rawToken == null || rawToken.isBlank() || rawToken.length() > 512) {
            return Optional.empty();
        }
        String hash = Hashes.sha256Hex(rawToken.trim());
        Optional<Caller> caller = cache.get(hash, this::load);
        caller.ifPresent(this::noteActivity);
        return caller;
    }

    private Optional<Caller> load(String hash) {
        return db.read(tx -> oauth.findTokenByHash(tx, hash)
                .filter(token -> !token.revoked())
                .flatMap(token -> {
                    if (token.accountId() == null) {
                        return Optional.of(new Caller(token, null, null));
                    }
                    return accounts.find(tx, token.accountId())
                            .map(account -> new Caller(token, account, users.find(tx, account.id()).orElse(null)));
                }));
    }

    private void noteActivity(Caller caller) {
        if (caller.user() == null) {
            return;
        }
        Instant last = caller.user().lastActiveAt();
        Instant now = clock.instant();
        if (last != null && last.isAfter(now.minus(ACTIVITY_RESOLUTION))) {
            return;
        }
        long accountId = caller.accountId();
        evictAccount(accountId); // the next request sees the new time, and this runs once
        Thread.ofVirtual().start(() -> {
            try {
                db.inTransaction(tx -> {
                    users.touchLastActive(tx, accountId, now);
                    return null;
                });
            } catch (RuntimeException e) {
                log.debug("could not record activity of {}: {}", accountId, e.toString());
            }
        });
    }

    /** Forgets cached callers of an account (its profile, role or state changed, or its tokens were revoked). */
    public void evictAccount(long accountId) {
        cache.invalidateOwner(accountId);
    }

    public void evictToken(String rawToken) {
        cache.invalidate(Hashes.sha256Hex(rawToken.trim()));
    }

    public void evictTokenId(long tokenId) {
        cache.invalidateWhere(c -> c.isPresent() && c.get().token().id() == tokenId);
    }
}
