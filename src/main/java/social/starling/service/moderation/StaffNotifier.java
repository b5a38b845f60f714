package social.starling.service.moderation;

import java.util.Arrays;
import java.util.List;
import social.starling.db.ReportRepository;
import social.starling.db.Tx;
import social.starling.db.UserRepository;
import social.starling.model.NotificationType;
import social.starling.model.Permission;
import social.starling.model.Report;
import social.starling.model.Role;
import social.starling.service.notification.NotifyService;

/**
 * Tells the staff, inside the causing transaction: a new report ({@code admin.report}) to everyone whose role can
 * manage reports, unless another open report names the same account already (Mastodon's ReportService#notify_staff!
 * and Report#unresolved_siblings?); a new sign-up ({@code admin.sign_up}) to everyone whose role can manage users.
 * NotifyService's rules still apply (nobody is told of their own report; blocks and notification mutes hold), and
 * notification policies never filter these types.
 */
public final class StaffNotifier {
    private final NotifyService notify;
    private final UserRepository users;
    private final ReportRepository reports;

    public StaffNotifier(NotifyService notify, UserRepository users, ReportRepository reports) {
        this.notify = notify;
        this.users = users;
        this.reports = reports;
    }

    public void reported(Tx tx, Report report) {
        if (reports.otherOpenAbout(tx, report.targetAccountId(), report.id())) {
            return;
        }
        for (long staff : staff(tx, Permission.MANAGE_REPORTS)) {
            notify.notify(tx, staff, report.accountId(), NotificationType.ADMIN_REPORT, null, report.id());
        }
    }

    public void signedUp(Tx tx, long accountId) {
        for (long staff : staff(tx, Permission.MANAGE_USERS)) {
            notify.notify(tx, staff, accountId, NotificationType.ADMIN_SIGN_UP, null, null);
        }
    }

    private List<Long> staff(Tx tx, Permission permission) {
        return users.accountIdsWithRoles(tx, Arrays.stream(Role.values()).filter(r -> r.can(permission)).toList());
    }
}
