package social.starling.model;

import java.time.Instant;

/**
 * Something that happened to {@code accountId}, caused by {@code fromAccountId}, maybe about a status.
 * {@code filtered}: the recipient's notification policy set it aside (shown only on request, see
 * NotificationRequest). {@code reportId}: the report of an {@code admin.report} notification, else null.
 */
public record Notification(long id, long accountId, long fromAccountId, NotificationType type, Long statusId,
                           String groupKey, Instant createdAt, boolean filtered, Long reportId) {

    public Notification(long id, long accountId, long fromAccountId, NotificationType type, Long statusId,
                        String groupKey, Instant createdAt, boolean filtered) {
        this(id, accountId, fromAccountId, type, statusId, groupKey, createdAt, filtered, null);
    }
}
