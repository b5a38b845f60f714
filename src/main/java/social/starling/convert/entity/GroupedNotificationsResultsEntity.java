package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Mastodon's GroupedNotificationsResults (methods/grouped_notifications.md), 4.3.0: GET /api/v2/notifications.
 * {@code partial_accounts} is optional, only with {@code expand_accounts=partial_avatars}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GroupedNotificationsResultsEntity(
        List<AccountEntity> accounts,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PartialAccountWithAvatarEntity> partialAccounts,
        List<StatusEntity> statuses,
        List<NotificationGroupEntity> notificationGroups) {
}
