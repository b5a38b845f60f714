package social.starling.service.account;

import java.time.Clock;
import java.time.Instant;
import social.starling.db.Database;
import social.starling.db.OAuthRepository;
import social.starling.db.UserRepository;
import social.starling.db.WebSessionRepository;
import social.starling.errors.UnprocessableException;
import social.starling.jobs.JobQueue;
import social.starling.service.mail.SendMailService;
import social.starling.service.security.Throttle;

/**
 * "Forgot your password?": a reset link by e-mail, then a new password. Asking never reveals whether an address
 * has an account. Setting a new password signs out every session and revokes every token of the account.
 */
public final class PasswordResetService {
    private final Database db;
    private final UserRepository users;
    private final OAuthRepository oauth;
    private final WebSessionRepository sessions;
    private final EmailTokens tokens;
    private final PasswordHasher hasher;
    private final JobQueue jobs;
    private final AccountChanges changes;
    private final Throttle perAddress;
    private final Clock clock;

    public PasswordResetService(Database db, UserRepository users, OAuthRepository oauth,
                                WebSessionRepository sessions, EmailTokens tokens, PasswordHasher hasher, JobQueue jobs,
                                AccountChanges changes, Throttle perAddress, Clock clock) {
        this.db = db;
        this.users = users;
        this.oauth = oauth;
        this.sessions = sessions;
        this.tokens = tokens;
        this.hasher = hasher;
        this.jobs = jobs;
        this.changes = changes;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /** Sends a reset link if the address belongs to a login; silently does nothing otherwise. */
    public void request(String email) {
        if (email == null || email.isBlank()) {
            return;
        }
        String key = email.trim().toLowerCase(java.util.Locale.ROOT);
        perAddress.acquire(key, "Too many password reset requests, please try again later");
        db.inTransaction(tx -> {
            users.findByEmail(tx, key).ifPresent(u -> jobs.enqueue(tx, SendMailService.JOB,
                    new SendMailService.Payload(u.accountId(), "password_reset")));
            return null;
        });
    }

    public boolean linkValid(String token) {
        return db.read(tx -> tokens.valid(tx, token, EmailTokens.RESET));
    }

    public void reset(String token, String newPassword) {
        new AccountRules().password(newPassword, null, null).check();
        String hash = hasher.hash(newPassword);
        db.inTransaction(tx -> {
            long accountId = tokens.redeem(tx, token, EmailTokens.RESET)
                    .orElseThrow(() -> new UnprocessableException("Reset password token is invalid or has expired"));
            Instant now = clock.instant();
            users.setPasswordHash(tx, accountId, hash, now);
            users.setConfirmed(tx, accountId, now); // the link proves the address, as Devise does
            sessions.deleteForAccount(tx, accountId);
            oauth.revokeTokensOfAccount(tx, accountId, now);
            changes.changed(tx, accountId);
            return null;
        });
    }
}
