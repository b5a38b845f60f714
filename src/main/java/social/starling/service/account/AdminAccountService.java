package social.starling.service.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import social.starling.db.AccountModerationRepository;
import social.starling.db.AccountRepository;
import social.starling.db.AccountRepository.Mark;
import social.starling.db.AdminRepository;
import social.starling.db.Database;
import social.starling.db.ReportRepository;
import social.starling.db.Tx;
import social.starling.db.UserRepository;
import social.starling.db.WebSessionRepository;
import social.starling.errors.ForbiddenException;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.AccountWarning;
import social.starling.model.AdminAccountQuery;
import social.starling.model.IdGenerator;
import social.starling.model.Page;
import social.starling.model.Report;
import social.starling.model.Role;
import social.starling.model.User;
import social.starling.service.moderation.AuditLog;
import social.starling.service.notification.NotifyService;
import social.starling.service.outbox.Outbox;

/**
 * What staff do to accounts, from the admin API and the command line alike (Mastodon's Admin::AccountAction and
 * the admin accounts controller): approve or reject an application, disable and enable a login, change a role,
 * and the account actions (none/warn, sensitive, silence, suspend) with their undos. Every action is written to
 * the audit log in its own transaction, and evicts the cached callers of the account at once. An action with a
 * text or on a local account leaves a strike ({@code account_warnings}); a local member is told of it by a
 * {@code moderation_warning} notification unless {@code send_email_notification} is false. The command line acts
 * as the owner account (the instance actor before there is one).
 */
public final class AdminAccountService {
    /** Mastodon's Admin::AccountAction types. */
    public static final List<String> TYPES = List.of("none", "sensitive", "disable", "silence", "suspend");

    private final Database db;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final WebSessionRepository sessions;
    private final AccountModerationRepository moderation;
    private final AuditLog audit;
    private final NotifyService notify;
    private final Outbox outbox;
    private final AccountChanges changes;
    private final IdGenerator ids;
    private final AdminRepository admin;
    private final ReportRepository reports;
    private final Clock clock;

    public AdminAccountService(Database db, AccountRepository accounts, UserRepository users,
                               WebSessionRepository sessions, AccountModerationRepository moderation, AuditLog audit,
                               NotifyService notify, Outbox outbox, AccountChanges changes, AdminRepository admin,
                               ReportRepository reports, IdGenerator ids, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.users = users;
        this.sessions = sessions;
        this.moderation = moderation;
        this.audit = audit;
        this.notify = notify;
        this.outbox = outbox;
        this.changes = changes;
        this.ids = ids;
        this.admin = admin;
        this.reports = reports;
        this.clock = clock;
    }

    /** An account and, for a local one, its login (else null). */
    public record Login(Account account, User user) {
    }

    /** What the admin API shows of an account: the login, its sign-up address and whether it is sensitized. */
    public record Target(Account account, User user, String ip, boolean sensitized) {
    }

    /** An action: {@code type} one of {@link #TYPES}; {@code text} the moderator's note to the member. */
    public record Action(String type, String text, Long reportId, boolean sendNotification) {
    }

    // Reading ---------------------------------------------------------------------------------------------

    public Login find(String username) {
        return db.read(tx -> accounts.findByUsername(tx, username, null)
                .flatMap(a -> users.find(tx, a.id()).map(u -> new Login(a, u))))
                .orElseThrow(() -> new NotFoundException("No local user named " + username));
    }

    /** A local {@code user} or a remote {@code user@domain} known here. */
    public Account findAny(String handle) {
        String h = handle.startsWith("@") ? handle.substring(1) : handle;
        int at = h.indexOf('@');
        String username = at < 0 ? h : h.substring(0, at);
        String domain = at < 0 ? null : h.substring(at + 1).toLowerCase(Locale.ROOT);
        return db.read(tx -> accounts.findByUsername(tx, username, domain))
                .orElseThrow(() -> new NotFoundException("No account " + handle + " is known here"));
    }

    public Target target(long id) {
        return db.read(tx -> target(tx, id));
    }

    public List<Target> list(AdminAccountQuery q, Page page) {
        return db.read(tx -> moderation.list(tx, q, page).stream().map(id -> target(tx, id)).toList());
    }

    private Target target(Tx tx, long id) {
        Account a = accounts.find(tx, id).orElseThrow(() -> new NotFoundException("Record not found"));
        User u = users.find(tx, id).orElse(null);
        String ip = u == null ? null : moderation.signUpIp(tx, id).orElse(null);
        return new Target(a, u, ip, accounts.sensitized(tx, id));
    }

    // Logins (command line by username, API by id) -----------------------------------------------------------

    public void approve(long actorId, String username) {
        Login login = find(username);
        if (login.user().approved()) {
            throw new UnprocessableException(username + " is already approved");
        }
        approve(actorId, login.account().id());
    }

    public void approve(long actorId, long targetId) {
        act(actorId, targetId, (tx, t, now) -> {
            if (t.user() == null || t.user().approved()) {
                throw new ForbiddenException("This action is not allowed");
            }
            users.setApproved(tx, targetId, now);
            audit.record(tx, actorId, "approve", "User", targetId, t.account().acct());
        });
    }

    /** Rejecting an application deletes the account, as Mastodon does; only pending applications can be. */
    public void reject(long actorId, String username) {
        Login login = find(username);
        if (login.user().approved()) {
            throw new UnprocessableException(username + " is not waiting for approval");
        }
        reject(actorId, login.account().id());
    }

    public void reject(long actorId, long targetId) {
        act(actorId, targetId, (tx, t, now) -> {
            if (t.user() == null || t.user().approved()) {
                throw new ForbiddenException("This action is not allowed");
            }
            audit.record(tx, actorId, "reject", "User", targetId, t.account().acct());
            accounts.delete(tx, targetId);
        });
    }

    public void confirm(long actorId, String username) {
        long id = find(username).account().id();
        act(actorId, id, (tx, t, now) -> {
            users.setConfirmed(tx, id, now);
            audit.record(tx, actorId, "confirm", "User", id, t.account().acct());
        });
    }

    public void disable(long actorId, String username) {
        perform(actorId, find(username).account().id(), new Action("disable", null, null, false));
    }

    public void enable(long actorId, String username) {
        enable(actorId, find(username).account().id());
    }

    public void enable(long actorId, long targetId) {
        act(actorId, targetId, (tx, t, now) -> {
            requireLocal(t);
            users.setDisabled(tx, targetId, false, now);
            audit.record(tx, actorId, "enable", "User", targetId, t.account().acct());
        });
    }

    public void setRole(long actorId, String username, Role role) {
        long id = find(username).account().id();
        act(actorId, id, (tx, t, now) -> {
            users.setRole(tx, id, role, now);
            audit.record(tx, actorId, "change_role", "User", id, t.account().acct());
        });
    }

    public void suspend(long actorId, String handle) {
        perform(actorId, findAny(handle).id(), new Action("suspend", null, null, false));
    }

    public void unsuspend(long actorId, String handle) {
        undo(actorId, findAny(handle).id(), "unsuspend");
    }

    /** Local logins for the staff's web list: pending applications first; see {@link AdminRepository#localLogins}. */
    public List<Login> logins(String usernamePrefix, int offset, int limit) {
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

    // Account actions ---------------------------------------------------------------------------------------

    /**
     * Mastodon's Admin::AccountAction#save!: the action's effect, its audit entry and, for a local account, a strike
     * the member is notified of ({@code action.sendNotification()}). Returns the strike, if one was made.
     */
    public Optional<AccountWarning> perform(long actorId, long targetId, Action action) {
        if (!TYPES.contains(action.type())) {
            throw new UnprocessableException("Validation failed: Type is not included in the list");
        }
        return change(actorId, targetId, (tx, t, now) -> {
            Account a = t.account();
            // Mastodon's Admin::AccountAction with a report: the report must be about this account, is resolved by
            // the action, and the strike names the statuses it reported.
            Report report = action.reportId() == null ? null : reports.find(tx, action.reportId())
                    .filter(r -> r.targetAccountId() == targetId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            switch (action.type()) {
                case "none" -> audit.record(tx, actorId, "warn", "Account", targetId, a.acct());
                case "disable" -> {
                    requireLocal(t);
                    users.setDisabled(tx, targetId, true, now);
                    sessions.deleteForAccount(tx, targetId);
                    audit.record(tx, actorId, "disable", "User", targetId, a.acct());
                }
                case "sensitive" -> {
                    accounts.setMark(tx, targetId, Mark.SENSITIZED, now);
                    audit.record(tx, actorId, "sensitive", "Account", targetId, a.acct());
                }
                case "silence" -> {
                    accounts.setMark(tx, targetId, Mark.SILENCED, now);
                    audit.record(tx, actorId, "silence", "Account", targetId, a.acct());
                }
                case "suspend" -> {
                    if (!a.suspended()) {
                        accounts.setMark(tx, targetId, Mark.SUSPENDED, now);
                        sessions.deleteForAccount(tx, targetId);
                        outbox.accountSuspended(tx, a);
                    }
                    audit.record(tx, actorId, "suspend", "Account", targetId, a.acct());
                }
                default -> throw new IllegalStateException(action.type());
            }
            if (report != null) {
                reports.setResolved(tx, report.id(), actorId, now, now);
                audit.record(tx, actorId, "resolve", "Report", report.id(), Long.toString(report.id()));
            }
            if (!a.isLocal() && (action.text() == null || action.text().isBlank())) {
                return Optional.<AccountWarning>empty();
            }
            AccountWarning w = new AccountWarning(ids.next(), actorId, targetId, action.type(),
                    action.text() == null ? "" : action.text().strip(),
                    report == null ? List.of() : report.statusIds(), action.reportId(), null, now);
            moderation.insertWarning(tx, w);
            if (a.isLocal() && action.sendNotification()) {
                notify.moderationWarning(tx, targetId, w.id());
            }
            return Optional.of(w);
        });
    }

    /** Undoes one action: {@code unsilence}, {@code unsuspend}, {@code unsensitive} or {@code enable}. */
    public void undo(long actorId, long targetId, String verb) {
        if ("enable".equals(verb)) {
            enable(actorId, targetId);
            return;
        }
        Mark mark = switch (verb) {
            case "unsilence" -> Mark.SILENCED;
            case "unsuspend" -> Mark.SUSPENDED;
            case "unsensitive" -> Mark.SENSITIZED;
            default -> throw new IllegalArgumentException(verb);
        };
        act(actorId, targetId, (tx, t, now) -> {
            accounts.setMark(tx, targetId, mark, null);
            if (mark == Mark.SUSPENDED && t.account().suspended() && t.account().isLocal()) {
                outbox.profileUpdated(tx, t.account());
            }
            audit.record(tx, actorId, verb, "Account", targetId, t.account().acct());
        });
    }

    /** Mastodon's destroy: only a suspended account's data may be deleted before the 30 days are over. */
    public Account requireDeletable(long actorId, long targetId) {
        Target t = target(targetId);
        if (!t.account().suspended()) {
            throw new ForbiddenException("This action is not allowed");
        }
        db.read(tx -> {
            checkRank(tx, actorId, t);
            return null;
        });
        return t.account();
    }

    /** The audit entry of a deletion, written before the data goes. */
    public void recordDestroy(long actorId, long targetId) {
        act(actorId, targetId, (tx, t, now) -> {
            audit.record(tx, actorId, "destroy", "Account", targetId, t.account().acct());
        });
    }

    // Internals --------------------------------------------------------------------------------------------

    private interface Change<T> {
        T apply(Tx tx, Target target, Instant now);
    }

    private interface VoidChange {
        void apply(Tx tx, Target target, Instant now);
    }

    private void act(long actorId, long targetId, VoidChange change) {
        change(actorId, targetId, (Change<Void>) (tx, t, now) -> {
            change.apply(tx, t, now);
            return null;
        });
    }

    private <T> T change(long actorId, long targetId, Change<T> change) {
        return db.inTransaction(tx -> {
            Target t = target(tx, targetId);
            checkRank(tx, actorId, t);
            T result = change.apply(tx, t, clock.instant());
            changes.changed(tx, targetId);
            return result;
        });
    }

    /**
     * Mastodon's AccountPolicy: nobody acts on themselves, and staff act only on roles below their own (an admin
     * cannot be suspended by a moderator). The command line acts as the owner.
     */
    private void checkRank(Tx tx, long actorId, Target t) {
        if (t.user() == null || !t.user().role().isStaff()) {
            return;
        }
        Role actor = users.find(tx, actorId).map(User::role).orElse(Role.USER);
        if (actorId == t.account().id() || actor.ordinal() >= t.user().role().ordinal()) {
            throw new ForbiddenException("This action is not allowed");
        }
    }

    private static void requireLocal(Target t) {
        if (t.user() == null) {
            throw new UnprocessableException("Only a local account has a login");
        }
    }


}
