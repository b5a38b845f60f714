package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Mastodon's Notification (entities/Notification.md). {@code type}: mention, status, reblog, follow,
 * follow_request, favourite, poll, update, admin.sign_up, admin.report, severed_relationships (4.3.0),
 * moderation_warning (4.3.0), quote and quoted_update (4.5.0). The objects of the notification are optional,
 * attached according to {@code type}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NotificationEntity(
        String id,
        String type,
        /* 4.3.0; ungrouped notifications have "ungrouped-{id}" */
        String groupKey,
        Instant createdAt,
        AccountEntity account,
        @JsonInclude(JsonInclude.Include.NON_NULL) StatusEntity status,
        @JsonInclude(JsonInclude.Include.NON_NULL) ReportEntity report,
        /* 4.3.0, type severed_relationships */
        @JsonInclude(JsonInclude.Include.NON_NULL) RelationshipSeveranceEventEntity event,
        /* 4.3.0, type moderation_warning */
        @JsonInclude(JsonInclude.Include.NON_NULL) AccountWarningEntity moderationWarning,
        /* 4.3.0: true when a notification policy filtered it (only with include_filtered); absent otherwise */
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean filtered) {
}
