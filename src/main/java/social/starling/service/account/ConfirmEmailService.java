package social.starling.service.account;

import java.time.Clock;
import java.util.Optional;
import social.starling.db.Database;
import social.starling.db.UserRepository;

/** Redeems a confirmation link: the address is confirmed and the account can be used (once approved). */
public final class ConfirmEmailService {
    private final Database db;
    private final UserRepository users;
    private final EmailTokens tokens;
    private final AccountChanges changes;
    private final Clock clock;

    public ConfirmEmailService(Database db, UserRepository users, EmailTokens tokens, AccountChanges changes,
                               Clock clock) {
        this.db = db;
        this.users = users;
        this.tokens = tokens;
        this.changes = changes;
        this.clock = clock;
    }

    /** The confirmed account's id, or empty if the link is unknown, used or expired. */
    public Optional<Long> confirm(String token) {
        return db.inTransaction(tx -> {
            Optional<Long> account = tokens.redeem(tx, token, EmailTokens.CONFIRM);
            account.ifPresent(id -> {
                users.setConfirmed(tx, id, clock.instant());
                changes.changed(tx, id);
            });
            return account;
        });
    }
}
