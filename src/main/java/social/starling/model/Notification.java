package social.starling.model;

import java.time.Instant;

/** Something that happened to {@code accountId}, caused by {@code fromAccountId}, maybe about a status. */
public record Notification(long id, long accountId, long fromAccountId, NotificationType type, Long statusId,
                           String groupKey, Instant createdAt) {
}
