package social.starling.service.account;

import java.time.Clock;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.UserRepository;
import social.starling.errors.NotFoundException;

/** Sets a new password for a local user (admin command, and later the reset-by-mail flow). */
public final class ResetPasswordService {
    private final Database db;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public ResetPasswordService(Database db, AccountRepository accounts, UserRepository users, PasswordHasher hasher,
                                Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    public void reset(String username, String newPassword) {
        long accountId = db.read(tx -> accounts.findByUsername(tx, username, null)
                .filter(a -> users.find(tx, a.id()).isPresent())
                .orElseThrow(() -> new NotFoundException("No local user named " + username))
                .id());
        new AccountRules().password(newPassword, username, null).check();
        String hash = hasher.hash(newPassword);
        db.inTransaction(tx -> {
            users.setPasswordHash(tx, accountId, hash, clock.instant());
            return null;
        });
    }
}
