package social.starling.service.notification;

import java.util.List;
import java.util.Optional;
import social.starling.db.Database;
import social.starling.db.MarkerRepository;
import social.starling.db.NotificationRepository;
import social.starling.errors.NotFoundException;
import social.starling.model.Marker;
import social.starling.model.Notification;
import social.starling.model.Page;
import social.starling.model.view.NotificationView;

/**
 * Reading notifications one by one (Mastodon's API v1): a page of them, one of them, and how many are unread,
 * all with the same rules of what the reader may see ({@link NotificationWalker}).
 */
public final class NotificationQueryService {
    /** Mastodon's DEFAULT_NOTIFICATIONS_COUNT_LIMIT and MAX_NOTIFICATIONS_COUNT_LIMIT for unread counts. */
    public static final int UNREAD_DEFAULT = 100;
    public static final int UNREAD_MAX = 1000;

    private final Database db;
    private final NotificationRepository notifications;
    private final MarkerRepository markers;
    private final NotificationWalker walker;

    public NotificationQueryService(Database db, NotificationRepository notifications, MarkerRepository markers,
                                    NotificationWalker walker) {
        this.db = db;
        this.notifications = notifications;
        this.markers = markers;
        this.walker = walker;
    }

    public NotificationWalker.Walk list(long viewerId, NotificationQuery query, Page page) {
        return walker.walk(viewerId, query, page, page.limit(), null);
    }

    /** One notification (a filtered one too, as Mastodon); 404 if it is not the viewer's or they may not see it now. */
    public NotificationView show(long viewerId, long id) {
        var filter = walker.filter(viewerId, NotificationQuery.ALL.withFiltered(true));
        Notification n = db.read(tx -> notifications.find(tx, viewerId, id, filter))
                .orElseThrow(() -> new NotFoundException("Record not found"));
        return walker.visible(viewerId, List.of(n)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Record not found"));
    }

    /**
     * How many visible notifications are newer than the viewer's {@code notifications} marker (all of them
     * without a marker), counting at most {@code limit}, as Mastodon's unread_count.
     */
    public int unreadCount(long viewerId, NotificationQuery query, int limit) {
        return walker.walk(viewerId, query.withFiltered(false), unreadPage(viewerId, limit), limit, null).items()
                .size();
    }

    /** The page above the notifications marker. */
    Page unreadPage(long viewerId, int limit) {
        Optional<Long> lastRead = db.read(tx -> markers.find(tx, viewerId, "notifications")).map(Marker::lastReadId);
        return new Page(Optional.empty(), Optional.empty(), lastRead, limit);
    }
}
