package social.starling.api.web;

import java.util.List;
import social.starling.service.moderation.AuditLogView.Entry;

/** {@code /admin/audit_log}: the staff's actions, newest first, with a link to older ones. */
public record AdminAuditLogPage(AdminNav nav, List<Entry> entries, String olderHref) {
}
