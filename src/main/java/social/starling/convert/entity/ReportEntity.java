package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon's Report (entities/Report.md). {@code category} is spam, violation or other; {@code action_taken_at},
 * {@code status_ids} and {@code rule_ids} are nullable.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportEntity(
        String id,
        boolean actionTaken,
        Instant actionTakenAt,
        String category,
        String comment,
        boolean forwarded,
        Instant createdAt,
        List<String> statusIds,
        List<String> ruleIds,
        AccountEntity targetAccount) {
}
