package social.starling.service.security;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.UserRepository;
import social.starling.model.User;
import social.starling.service.account.PasswordHasher;

/**
 * Checks a login (e-mail address, or local username) and password, for the web sign-in form and OAuth's password
 * grant. Failed attempts are throttled per address/username and per IP; a throttled caller gets a 429 with
 * Retry-After before any password is checked. Hashes from older schemes are upgraded to argon2id on success.
 */
public final class LoginService {
    private static final String DUMMY_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$c3RhcmxpbmdzdGFybGluZw$4vPk3hVJtUXc2F2uYzS2WPp3Pq4o+2bP1UeLJf0vJ0k";

    private final Database db;
    private final UserRepository users;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final Throttle perLogin;
    private final Throttle perIp;
    private final Clock clock;

    public LoginService(Database db, UserRepository users, AccountRepository accounts, PasswordHasher hasher,
                        Throttle perLogin, Throttle perIp, Clock clock) {
        this.db = db;
        this.users = users;
        this.accounts = accounts;
        this.hasher = hasher;
        this.perLogin = perLogin;
        this.perIp = perIp;
        this.clock = clock;
    }

    /** The user whose credentials these are, or empty. Throws RateLimitedException when throttled. */
    public Optional<User> verify(String login, String password, String ip) {
        String key = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
        String message = "Too many failed login attempts, please try again later";
        perIp.check(ip == null ? "-" : ip, message);
        perLogin.check(key, message);
        Optional<User> user = key.isEmpty() ? Optional.empty() : db.read(tx -> key.contains("@")
                ? users.findByEmail(tx, key)
                : accounts.findByUsername(tx, key, null).flatMap(a -> users.find(tx, a.id())));
        // Hash even for unknown logins, so timing does not tell which addresses exist.
        boolean ok = hasher.verify(password == null ? "" : password, user.map(User::passwordHash).orElse(DUMMY_HASH))
                && user.isPresent();
        if (!ok) {
            perIp.record(ip == null ? "-" : ip);
            perLogin.record(key);
            return Optional.empty();
        }
        perLogin.reset(key);
        User found = user.get();
        if (hasher.needsRehash(found.passwordHash())) {
            String upgraded = hasher.hash(password);
            db.inTransaction(tx -> {
                users.setPasswordHash(tx, found.accountId(), upgraded, clock.instant());
                return null;
            });
        }
        // A suspended account's login is refused as a disabled one (the sign-in page and the password grant both
        // say so), whatever the login's own flag says.
        if (db.read(tx -> accounts.find(tx, found.accountId())).filter(a -> a.suspended()).isPresent()) {
            return Optional.of(new User(found.accountId(), found.email(), found.passwordHash(), found.role(),
                    found.locale(), found.approved(), true, found.confirmedAt(), found.signUpReason(),
                    found.lastActiveAt(), found.createdAt(), found.defaultPrivacy(), found.defaultSensitive(),
                    found.defaultLanguage(), found.inviteId(), found.defaultQuotePolicy()));
        }
        return user;
    }
}
