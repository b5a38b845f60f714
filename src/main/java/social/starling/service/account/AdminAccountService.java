package social.starling.service.account;

import java.time.Clock;
import java.time.Instant;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.UserRepository;
import social.starling.db.WebSessionRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.Role;
import social.starling.model.User;

/**
 * What staff do to local logins: approve or reject an application, confirm an address by hand, disable and enable
 * a login, change a role. Every change evicts the cached callers of the account at once.
 */
public final class AdminAccountService {
    private final Database db;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final WebSessionRepository sessions;
    private final AccountChanges changes;
    private final Clock clock;

    public AdminAccountService(Database db, AccountRepository accounts, UserRepository users,
                               WebSessionRepository sessions, AccountChanges changes, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.users = users;
        this.sessions = sessions;
        this.changes = changes;
        this.clock = clock;
    }

    public record Login(Account account, User user) {
    }

    public Login find(String username) {
        return db.read(tx -> accounts.findByUsername(tx, username, null)
                .flatMap(a -> users.find(tx, a.id()).map(u -> new Login(a, u))))
                .orElseThrow(() -> new NotFoundException("No local user named " + username));
    }

    public void approve(String username) {
        Login login = find(username);
        if (login.user().approved()) {
            throw new UnprocessableException(username + " is already approved");
        }
        change(login, (tx, now) -> users.setApproved(tx, login.account().id(), now));
    }

    /** Rejecting an application deletes the account, as Mastodon does; only pending applications can be. */
    public void reject(String username) {
        Login login = find(username);
        if (login.user().approved()) {
            throw new UnprocessableException(username + " is not waiting for approval");
        }
        change(login, (tx, now) -> accounts.delete(tx, login.account().id()));
    }

    public void confirm(String username) {
        Login login = find(username);
        change(login, (tx, now) -> users.setConfirmed(tx, login.account().id(), now));
    }

    public void disable(String username) {
        Login login = find(username);
        change(login, (tx, now) -> {
            users.setDisabled(tx, login.account().id(), true, now);
            sessions.deleteForAccount(tx, login.account().id());
        });
    }

    public void enable(String username) {
        Login login = find(username);
        change(login, (tx, now) -> users.setDisabled(tx, login.account().id(), false, now));
    }

    public void setRole(String username, Role role) {
        Login login = find(username);
        change(login, (tx, now) -> users.setRole(tx, login.account().id(), role, now));
    }

    private interface Change {
        void apply(social.starling.db.Tx tx, Instant now);
    }

    private void change(Login login, Change change) {
        db.inTransaction(tx -> {
            change.apply(tx, clock.instant());
            changes.changed(tx, login.account().id());
            return null;
        });
    }
}
