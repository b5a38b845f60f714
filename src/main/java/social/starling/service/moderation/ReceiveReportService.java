package social.starling.service.moderation;

import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.ReportRepository;
import social.starling.model.Account;
import social.starling.model.IdGenerator;

/**
 * A report from another server ({@code Flag}): stored for this server's moderators (Mastodon's ReportService with a
 * remote reporter). One report per target account; a report delivered twice (same {@code uri} and target) is stored once.
 * The staff who manage reports are notified of a new one ({@link StaffNotifier}). A report from a server whose
 * reports this one rejects ({@code rejectReportsFrom}, Mastodon's domain block with reject_reports) is dropped.
 */
public final class ReceiveReportService {
    private final Database db;
    private final ReportRepository reports;
    private final StaffNotifier staff;
    private final AccountRepository accounts;
    private final Predicate<String> rejectReportsFrom;
    private final IdGenerator ids;
    private final Clock clock;

    /**
     * @param rejectReportsFrom whether reports from this domain are refused: the hook for server domain blocks
     *                          (reject_reports); {@code domain -> false} until they exist
     */
    public ReceiveReportService(Database db, ReportRepository reports, StaffNotifier staff, AccountRepository accounts,
                                Predicate<String> rejectReportsFrom, IdGenerator ids, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.rejectReportsFrom = rejectReportsFrom;
        this.staff = staff;
        this.reports = reports;
        this.ids = ids;
        this.clock = clock;
    }

    /** @return whether a new report was stored */
    public boolean receive(long reporterId, long targetId, List<Long> statusIds, String comment, String uri) {
        return db.inTransaction(tx -> {
            String domain = accounts.find(tx, reporterId).map(Account::domain).orElse(null);
            if (domain != null && rejectReportsFrom.test(domain)) {
                return false;
            }
            long id = ids.next();
            if (!reports.insert(tx, id, reporterId, targetId, List.copyOf(statusIds), comment == null ? "" : comment,
                    uri, clock.instant())) {
                return false;
            }
            reports.find(tx, id).ifPresent(report -> staff.reported(tx, report));
            return true;
        });
    }
}
