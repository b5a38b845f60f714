package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon's NotificationGroup (methods/grouped_notifications.md), 4.3.0. {@code type} takes the Notification
 * types. The page_* attributes are optional (only when paginating); {@code status_id}, {@code report},
 * {@code event} and {@code moderation_warning} are optional, attached according to {@code type}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NotificationGroupEntity(
        String groupKey,
        int notificationsCount,
        String type,
        /* documented as String; the documentation's example shows a number */
        String mostRecentNotificationId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String pageMinId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String pageMaxId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant latestPageNotificationAt,
        List<String> sampleAccountIds,
        @JsonInclude(JsonInclude.Include.NON_NULL) String statusId,
        @JsonInclude(JsonInclude.Include.NON_NULL) ReportEntity report,
        @JsonInclude(JsonInclude.Include.NON_NULL) RelationshipSeveranceEventEntity event,
        @JsonInclude(JsonInclude.Include.NON_NULL) AccountWarningEntity moderationWarning) {
}
