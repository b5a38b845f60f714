package social.starling.service.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.UserRepository;
import social.starling.db.WebSessionRepository;
import social.starling.model.Account;
import social.starling.model.User;
import social.starling.support.Hashes;
import social.starling.support.OwnedCache;
import social.starling.support.Secrets;

/**
 * Browser sessions for Starling's own pages. The cookie holds a random id; the database keeps its hash. Lookups
 * are cached for a minute; signing out deletes the row and the cache entry.
 */
public final class SessionService {
    public static final Duration LIFETIME = Duration.ofDays(30);

    /** A signed-in browser: the account and its login. */
    public record WebUser(Account account, User user) {
    }

    private final Database db;
    private final WebSessionRepository sessions;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final Clock clock;
    private final OwnedCache<String, Optional<WebUser>> cache = new OwnedCache<>(Duration.ofMinutes(1), 50_000,
            v -> v.isPresent() ? v.get().account().id() : null);

    public SessionService(Database db, WebSessionRepository sessions, AccountRepository accounts, UserRepository users,
                          Clock clock) {
        this.db = db;
        this.sessions = sessions;
        this.accounts = accounts;
        this.users = users;
        this.clock = clock;
    }

    /** Starts a session; returns the cookie value. */
    public String start(long accountId, String userAgent, String ip) {
        String id = Secrets.token(32);
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            sessions.insert(tx, Hashes.sha256Hex(id), accountId, userAgent, ip, now.plus(LIFETIME), now);
            return null;
        });
        return id;
    }

    public Optional<WebUser> find(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 200) {
            return Optional.empty();
        }
        String hash = Hashes.sha256Hex(cookie);
        return cache.get(hash, h -> db.read(tx -> sessions.find(tx, h)
                .filter(s -> s.expiresAt().isAfter(clock.instant()))
                .flatMap(s -> accounts.find(tx, s.accountId())
                        .flatMap(a -> users.find(tx, a.id()).map(u -> new WebUser(a, u))))));
    }

    public void end(String cookie) {
        if (cookie == null || cookie.isBlank()) {
            return;
        }
        String hash = Hashes.sha256Hex(cookie);
        db.inTransaction(tx -> {
            sessions.delete(tx, hash);
            return null;
        });
        cache.invalidate(hash);
    }

    /**
     * Ends every other session of the account of {@code cookie}, keeping this one (Mastodon clears the other
     * sessions when the password changes: Auth::RegistrationsController#update).
     */
    public void endOthers(String cookie, long accountId) {
        if (cookie == null || cookie.isBlank()) {
            return;
        }
        String keep = Hashes.sha256Hex(cookie);
        db.inTransaction(tx -> {
            sessions.deleteOthers(tx, accountId, keep);
            return null;
        });
        evictAccount(accountId);
    }

    /** Forgets cached sessions of an account whose state changed (disabled, role, profile). */
    public void evictAccount(long accountId) {
        cache.invalidateOwner(accountId);
    }
}
