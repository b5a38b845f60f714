package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Mastodon's NotificationRequest (entities/NotificationRequest.md), 4.3.0. {@code notifications_count} is a string,
 * as Mastodon's serializer sends it; {@code last_status} is null when that status is gone or hidden.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NotificationRequestEntity(
        String id,
        Instant createdAt,
        Instant updatedAt,
        String notificationsCount,
        AccountEntity account,
        StatusEntity lastStatus) {
}
