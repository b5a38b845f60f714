package social.starling.service.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import social.starling.db.AccountRepository;
import social.starling.db.AuditLogRepository;
import social.starling.db.Database;
import social.starling.model.Account;
import social.starling.model.AuditEntry;

/** The audit log as staff read it: newest first, each entry with the acting staff member's acct. */
public final class AuditLogView {
    /** One entry; {@code actor} is the staff member's acct, or null if that account is gone. */
    public record Entry(long id, String actor, String action, String targetType, String humanIdentifier,
                        Instant createdAt) {
    }

    private final Database db;
    private final AuditLogRepository entries;
    private final AccountRepository accounts;

    public AuditLogView(Database db, AuditLogRepository entries, AccountRepository accounts) {
        this.db = db;
        this.entries = entries;
        this.accounts = accounts;
    }

    /** Up to {@code limit} entries below {@code maxId} (null for the newest). */
    public List<Entry> page(Long maxId, int limit) {
        return db.read(tx -> {
            List<AuditEntry> found = entries.page(tx, null, null, null, maxId, limit);
            Map<Long, Account> actors = accounts.findAll(tx, found.stream().map(AuditEntry::accountId)
                    .distinct().toList()).stream().collect(Collectors.toMap(Account::id, Function.identity()));
            return found.stream().map(e -> new Entry(e.id(),
                    actors.containsKey(e.accountId()) ? actors.get(e.accountId()).acct() : null, e.action(),
                    e.targetType(), e.humanIdentifier(), e.createdAt())).toList();
        });
    }
}
