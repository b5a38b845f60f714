package social.starling.api.web;

import io.javalin.http.Context;
import social.starling.model.Permission;
import social.starling.service.moderation.AdminDashboardService;
import social.starling.service.security.SessionService.WebUser;

/** {@code GET /admin}: pending sign-ups, open reports, the job queue's health and the failing remote hosts. */
final class AdminDashboardHandler {
    private final AdminDashboardService dashboard;
    private final AdminArea area;

    AdminDashboardHandler(AdminDashboardService dashboard, AdminArea area) {
        this.dashboard = dashboard;
        this.area = area;
    }

    void show(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.DASHBOARD);
        if (staff == null) {
            return;
        }
        var role = staff.user().role();
        area.render(ctx, 200, "admin_dashboard.jte", "Dashboard", new AdminDashboardPage(
                area.nav(role, AdminArea.Section.DASHBOARD), dashboard.dashboard(),
                role.can(Permission.MANAGE_USERS)));
    }
}
