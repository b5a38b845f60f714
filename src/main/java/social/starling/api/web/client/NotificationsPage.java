package social.starling.api.web.client;

import java.util.List;
import social.starling.convert.entity.NotificationEntity;

/** The member's notifications, newest first, as the API serves them; {@code olderPath} is null on the last page. */
public record NotificationsPage(ClientNav nav, List<NotificationEntity> notifications, String olderPath) {
}
