package social.starling.service.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import social.starling.db.AccountRepository;
import social.starling.db.AdminRepository;
import social.starling.db.Database;
import social.starling.db.UserRepository;
import social.starling.db.WebSessionRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.Role;
import social.starling.model.User;
import social.starling.service.moderation.AuditLog;

/**
 * What staff do to local logins: approve or reject an application, confirm an address by hand, disable and enable
 * a login, change a role. Every change evicts the cached callers of the account at once, and is written to the
 * audit log in its own transaction as Mastodon logs it: target type {@code User}, the username as identifier, by
 * {@code actorId} (a staff member on the web; the owner or the instance actor from the command line).
 */
public final class AdminAccountService {
    private final Database db;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final WebSessionRepository sessions;
    private final AccountChanges changes;
    private final AdminRepository admin;
    private final AuditLog auditLog;
    private final Clock clock;

    public AdminAccountService(Database db, AccountRepository accounts, UserRepository users,
                               WebSessionRepository sessions, AccountChanges changes, AdminRepository admin,
                               AuditLog auditLog, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.users = users;
        this.sessions = sessions;
        this.changes = changes;
        this.admin = admin;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record Login(Account account, User user) {
    }

    public Login find(String username) {
        return db.read(tx -> accounts.findByUsername(tx, username, null)
                .flatMap(a -> users.find(tx, a.id()).map(u -> new Login(a, u))))
                .orElseThrow(() -> new NotFoundException("No local user named " + username));
    }

    /** Local logins for the staff's list: pending applications first; see {@link AdminRepository#localLogins}. */
    public List<Login> list(String usernamePrefix, int offset, int limit) {
        return db.read(tx -> {
            List<User> found = admin.localLogins(tx, usernamePrefix, offset, limit);
            Map<Long, Account> byId = accounts.findAll(tx, found.stream().map(User::accountId).toList()).stream()
                    .collect(Collectors.toMap(Account::id, Function.identity()));
            return found.stream().filter(u -> byId.containsKey(u.accountId()))
                    .map(u -> new Login(byId.get(u.accountId()), u)).toList();
        });
    }

    /**
     * May staff of role {@code actor} disable, enable or change {@code target}? Only a role above the target's, as
     * Mastodon's UserRole#overrides?: a moderator cannot disable an admin, nor anyone themselves.
     */
    public static boolean outranks(Role actor, Role target) {
        return actor.ordinal() < target.ordinal();
    }

    public void approve(long actorId, String username) {
        Login login = find(username);
        if (login.user().approved()) {
            throw new UnprocessableException(username + " is already approved");
        }
        change(actorId, "approve", login, (tx, now) -> users.setApproved(tx, login.account().id(), now));
    }

    /** Rejecting an application deletes the account, as Mastodon does; only pending applications can be. */
    public void reject(long actorId, String username) {
        Login login = find(username);
        if (login.user().approved()) {
            throw new UnprocessableException(username + " is not waiting for approval");
        }
        change(actorId, "reject", login, (tx, now) -> accounts.delete(tx, login.account().id()));
    }

    public void confirm(long actorId, String username) {
        Login login = find(username);
        change(actorId, "confirm", login, (tx, now) -> users.setConfirmed(tx, login.account().id(), now));
    }

    public void disable(long actorId, String username) {
        Login login = find(username);
        change(actorId, "disable", login, (tx, now) -> {
            users.setDisabled(tx, login.account().id(), true, now);
            sessions.deleteForAccount(tx, login.account().id());
        });
    }

    public void enable(long actorId, String username) {
        Login login = find(username);
        change(actorId, "enable", login, (tx, now) -> users.setDisabled(tx, login.account().id(), false, now));
    }

    public void setRole(long actorId, String username, Role role) {
        Login login = find(username);
        change(actorId, "change_role", login, (tx, now) -> users.setRole(tx, login.account().id(), role, now));
    }

    private interface Change {
        void apply(social.starling.db.Tx tx, Instant now);
    }

    private void change(long actorId, String action, Login login, Change change) {
        db.inTransaction(tx -> {
            change.apply(tx, clock.instant());
            changes.changed(tx, login.account().id());
            auditLog.record(tx, actorId, action, "User", login.account().id(), login.account().username());
            return null;
        });
    }
}
