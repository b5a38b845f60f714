package social.starling.service.moderation;

import java.time.Clock;
import java.util.List;
import social.starling.db.AuditLogRepository;
import social.starling.db.Database;
import social.starling.db.Tx;
import social.starling.model.AuditEntry;
import social.starling.model.IdGenerator;

/**
 * The audit log of moderation: every action a staff member takes (on an account, a report, a domain, a rule, a
 * block) is written here in the same transaction as the action, so the log cannot miss one that happened.
 */
public final class AuditLog {
    private final Database db;
    private final AuditLogRepository entries;
    private final IdGenerator ids;
    private final Clock clock;

    public AuditLog(Database db, AuditLogRepository entries, IdGenerator ids, Clock clock) {
        this.db = db;
        this.entries = entries;
        this.ids = ids;
        this.clock = clock;
    }

    /** Records that {@code actorId} did {@code action} to the target, inside the action's transaction. */
    public void record(Tx tx, long actorId, String action, String targetType, Long targetId, String humanIdentifier) {
        entries.insert(tx, new AuditEntry(ids.next(), actorId, action, targetType, targetId, humanIdentifier,
                clock.instant()));
    }

    /** Newest first; see {@link AuditLogRepository#page}. */
    public List<AuditEntry> page(Long accountId, String targetType, Long targetId, Long maxId, int limit) {
        return db.read(tx -> entries.page(tx, accountId, targetType, targetId, maxId, limit));
    }
}
