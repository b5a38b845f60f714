package social.starling.api.web;

import java.time.Instant;
import java.util.List;

/**
 * {@code /admin/reports/{id}}: one report in full (comment, reported statuses, rules), its queue actions, and the
 * account actions on its target ({@code canAct}: false when the staff member's role does not reach the target).
 */
public record AdminReportPage(AdminNav nav, String notice, long id, String reporter, String target, long targetId,
                              String targetState, String category, String comment, boolean forwarded,
                              Instant createdAt, String assigned, boolean assignedToMe, boolean resolved,
                              String resolvedBy, Instant resolvedAt, List<Post> statuses, List<String> rules,
                              boolean canAct) {

    public record Post(String text, String visibility, Instant createdAt) {
    }
}
