package social.starling.service.moderation;

import java.time.Clock;
import java.util.List;
import social.starling.db.Database;
import social.starling.db.ReportRepository;
import social.starling.model.IdGenerator;

/**
 * A report from another server ({@code Flag}): stored for this server's moderators (Mastodon's ReportService with a
 * remote reporter). One report per target account; a report delivered twice (same {@code uri} and target) is stored once.
 * The staff who manage reports are notified of a new one ({@link StaffNotifier}).
 */
public final class ReceiveReportService {
    private final Database db;
    private final ReportRepository reports;
    private final StaffNotifier staff;
    private final IdGenerator ids;
    private final Clock clock;

    public ReceiveReportService(Database db, ReportRepository reports, StaffNotifier staff, IdGenerator ids,
                                Clock clock) {
        this.db = db;
        this.staff = staff;
        this.reports = reports;
        this.ids = ids;
        this.clock = clock;
    }

    /** @return whether a new report was stored */
    public boolean receive(long reporterId, long targetId, List<Long> statusIds, String comment, String uri) {
        return db.inTransaction(tx -> {
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
