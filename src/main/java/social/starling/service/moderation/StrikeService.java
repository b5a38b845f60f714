package social.starling.service.moderation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import social.starling.db.AccountModerationRepository;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.AccountWarning;
import social.starling.model.Appeal;
import social.starling.model.IdGenerator;
import social.starling.model.ModerationNote;
import social.starling.service.account.AdminAccountService;

/**
 * A member's strikes and their appeals (Mastodon's AccountWarning and Appeal), and the staff-only notes on an
 * account (AccountModerationNote). A strike can be appealed once, while it stands; approving the appeal overrules
 * the strike and undoes its action (unsilence, unsuspend, unsensitive, enable), rejecting it leaves both.
 */
public final class StrikeService {
    static final int MAX_APPEAL = 2_000;
    static final int MAX_NOTE = 2_000;

    private final Database db;
    private final AccountRepository accounts;
    private final AccountModerationRepository moderation;
    private final AdminAccountService admin;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;

    public StrikeService(Database db, AccountRepository accounts, AccountModerationRepository moderation,
                         AdminAccountService admin, AuditLog audit, IdGenerator ids, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.moderation = moderation;
        this.admin = admin;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** A strike with its appeal, if the member made one. */
    public record Strike(AccountWarning warning, Optional<Appeal> appeal) {
    }

    /** The strikes against {@code accountId}, newest first. */
    public List<Strike> strikesOf(long accountId) {
        return db.read(tx -> moderation.warningsOf(tx, accountId).stream()
                .map(w -> new Strike(w, moderation.appealOf(tx, w.id()))).toList());
    }

    /** The member appeals one of their strikes: 404 unless it is theirs, 422 if appealed already or overruled. */
    public Appeal appeal(long accountId, long strikeId, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.codePointCount(0, t.length()) > MAX_APPEAL) {
            throw new UnprocessableException("Validation failed: Text must be 1-" + MAX_APPEAL + " characters");
        }
        return db.inTransaction(tx -> {
            AccountWarning w = moderation.findWarning(tx, strikeId).filter(x -> x.targetAccountId() == accountId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            if (w.overruledAt() != null) {
                throw new UnprocessableException("Validation failed: This strike was already overruled");
            }
            Appeal a = new Appeal(ids.next(), accountId, w.id(), t, Appeal.PENDING, null, null, clock.instant());
            if (!moderation.insertAppeal(tx, a)) {
                throw new UnprocessableException("Validation failed: This strike was already appealed");
            }
            return a;
        });
    }

    /** A pending appeal with the strike it contests and the appellant's handle. */
    public record PendingAppeal(Appeal appeal, AccountWarning warning, String acct) {
    }

    /** The pending appeals, oldest first, at most {@code limit}. */
    public List<PendingAppeal> pendingAppeals(int limit) {
        return db.read(tx -> moderation.pendingAppeals(tx, limit).stream()
                .map(a -> new PendingAppeal(a, moderation.findWarning(tx, a.warningId()).orElseThrow(),
                        accounts.find(tx, a.accountId()).map(x -> x.acct()).orElse("(deleted)")))
                .toList());
    }

    /** A moderator approves a pending appeal: the strike is overruled and its action undone. */
    public void approve(long moderatorId, long appealId) {
        AccountWarning w = decide(moderatorId, appealId, Appeal.APPROVED);
        String undo = switch (w.action()) {
            case "silence" -> "unsilence";
            case "suspend" -> "unsuspend";
            case "sensitive" -> "unsensitive";
            case "disable" -> "enable";
            default -> null;
        };
        if (undo != null) {
            admin.undo(moderatorId, w.targetAccountId(), undo);
        }
    }

    public void reject(long moderatorId, long appealId) {
        decide(moderatorId, appealId, Appeal.REJECTED);
    }

    private AccountWarning decide(long moderatorId, long appealId, String state) {
        return db.inTransaction(tx -> {
            Appeal a = moderation.findAppeal(tx, appealId).orElseThrow(() -> new NotFoundException("Record not found"));
            AccountWarning w = moderation.findWarning(tx, a.warningId()).orElseThrow();
            if (!moderation.decideAppeal(tx, appealId, state, moderatorId, clock.instant())) {
                throw new UnprocessableException("Validation failed: This appeal was already decided");
            }
            if (Appeal.APPROVED.equals(state)) {
                moderation.overrule(tx, w.id(), clock.instant());
            }
            String acct = accounts.find(tx, w.targetAccountId()).map(x -> x.acct()).orElse(null);
            audit.record(tx, moderatorId, Appeal.APPROVED.equals(state) ? "approve" : "reject", "Appeal",
                    appealId, acct);
            return w;
        });
    }

    // Staff notes -----------------------------------------------------------------------------------------

    public ModerationNote addNote(long authorId, long targetAccountId, String content) {
        String c = content == null ? "" : content.strip();
        if (c.isEmpty() || c.codePointCount(0, c.length()) > MAX_NOTE) {
            throw new UnprocessableException("Validation failed: Content must be 1-" + MAX_NOTE + " characters");
        }
        return db.inTransaction(tx -> {
            accounts.find(tx, targetAccountId).orElseThrow(() -> new NotFoundException("Record not found"));
            ModerationNote n = new ModerationNote(ids.next(), authorId, targetAccountId, c, clock.instant());
            moderation.insertNote(tx, n);
            return n;
        });
    }

    public List<ModerationNote> notesOn(long targetAccountId) {
        return db.read(tx -> moderation.notesOn(tx, targetAccountId));
    }

    /** Removes a note; only its author may (as Mastodon's AccountModerationNotePolicy#destroy? for non-admins). */
    public void deleteNote(long actorId, long noteId) {
        db.inTransaction(tx -> {
            ModerationNote n = moderation.findNote(tx, noteId).filter(x -> x.accountId() == actorId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            moderation.deleteNote(tx, n.id());
            return null;
        });
    }
}
