package social.starling.service.notification;

import social.starling.db.Database;
import social.starling.db.NotificationRepository;
import social.starling.errors.NotFoundException;

/**
 * Dismissing notifications: all of them ({@code POST /api/v1/notifications/clear}), one
 * ({@code /api/v1/notifications/:id/dismiss}, 404 if it is not the caller's), or a group
 * ({@code /api/v2/notifications/:group_key/dismiss}, which like Mastodon's answers success even for an unknown key).
 */
public final class DismissNotificationsService {
    private final Database db;
    private final NotificationRepository notifications;

    public DismissNotificationsService(Database db, NotificationRepository notifications) {
        this.db = db;
        this.notifications = notifications;
    }

    public void clear(long accountId) {
        db.inTransaction(tx -> notifications.deleteAll(tx, accountId));
    }

    public void dismiss(long accountId, long id) {
        if (!db.inTransaction(tx -> notifications.delete(tx, accountId, id))) {
            throw new NotFoundException("Record not found");
        }
    }

    /** Mastodon's by_group_key: {@code ungrouped-<id>} names one notification, any other key a group. */
    public void dismissGroup(long accountId, String groupKey) {
        db.inTransaction(tx -> {
            if (groupKey.startsWith(NotificationWalker.UNGROUPED)) {
                try {
                    long id = Long.parseLong(groupKey.substring(NotificationWalker.UNGROUPED.length()));
                    return notifications.delete(tx, accountId, id) ? 1 : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
            return notifications.deleteGroup(tx, accountId, groupKey);
        });
    }
}
