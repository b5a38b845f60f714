package social.starling.model.view;

import java.util.List;
import java.util.Map;
import social.starling.model.Account;

/** Notification groups, the accounts they name, and the Link bounds (notification ids) of the walk. */
public record GroupedNotifications(List<NotificationGroup> groups, Map<Long, Account> accounts, List<Long> bounds) {
}
