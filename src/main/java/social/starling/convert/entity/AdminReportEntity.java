package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon's Admin::Report (entities/Admin_Report.md): a report as moderators see it, with the parties as
 * Admin::Account, the moderator assigned and the one who resolved it (null when none), the reported statuses and
 * the rules it names.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdminReportEntity(
        String id,
        boolean actionTaken,
        Instant actionTakenAt,
        String category,
        String comment,
        boolean forwarded,
        Instant createdAt,
        Instant updatedAt,
        AdminAccountEntity account,
        AdminAccountEntity targetAccount,
        AdminAccountEntity assignedAccount,
        AdminAccountEntity actionTakenByAccount,
        List<StatusEntity> statuses,
        List<RuleEntity> rules) {
}
