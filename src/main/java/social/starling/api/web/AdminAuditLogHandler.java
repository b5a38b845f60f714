package social.starling.api.web;

import io.javalin.http.Context;
import java.util.List;
import social.starling.service.moderation.AuditLogView;
import social.starling.service.security.SessionService.WebUser;

/** {@code GET /admin/audit_log[?max_id=]}: 40 entries a page, newest first; "Older entries" pages by id. */
final class AdminAuditLogHandler {
    static final int PAGE = 40;

    private final AuditLogView log;
    private final AdminArea area;

    AdminAuditLogHandler(AuditLogView log, AdminArea area) {
        this.log = log;
        this.area = area;
    }

    void show(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.AUDIT_LOG);
        if (staff == null) {
            return;
        }
        List<AuditLogView.Entry> found = log.page(maxId(ctx.queryParam("max_id")), PAGE + 1);
        List<AuditLogView.Entry> shown = found.stream().limit(PAGE).toList();
        String older = found.size() > PAGE ? "/admin/audit_log?max_id=" + shown.getLast().id() : null;
        area.render(ctx, 200, "admin_audit_log.jte", "Audit log", new AdminAuditLogPage(
                area.nav(staff.user().role(), AdminArea.Section.AUDIT_LOG), shown, older));
    }

    private static Long maxId(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
