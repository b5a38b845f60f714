package social.starling.service.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.NotificationRepository;
import social.starling.db.NotificationRepository.GroupStats;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.Notification;
import social.starling.model.NotificationType;
import social.starling.model.Page;
import social.starling.model.view.GroupedNotifications;
import social.starling.model.view.NotificationGroup;
import social.starling.model.view.NotificationView;
import social.starling.model.view.StatusView;

/**
 * Grouped notifications (Mastodon's API v2, 4.3). A page is built as Mastodon's paginate_groups: walking the
 * notifications newest first (oldest first after {@code min_id}), the first one met of each group stands for it,
 * until {@code limit} groups; then each group's figures are read up to the newest notification of the page
 * (NotificationGroup.load_groups_data): how many it holds, its newest notification, its 8 newest senders, and its
 * oldest notification within the page. The page spans its groups' first notifications, except that a page with
 * fewer groups than asked for is the last one, and spans down to {@code since_id} (or the start), or paging up,
 * up to {@code max_id} (or the end), as Api::V2::NotificationsController#load_grouped_notifications.
 */
public final class GroupedNotificationService {
    /** The types Mastodon groups by default (Notification::GROUPABLE_NOTIFICATION_TYPES). */
    public static final Set<NotificationType> GROUPABLE = Set.copyOf(EnumSet.of(NotificationType.FAVOURITE,
            NotificationType.REBLOG, NotificationType.FOLLOW, NotificationType.ADMIN_SIGN_UP));
    static final int SAMPLE_ACCOUNTS = 8;

    /** A group's senders, newest first, and the ids of the notifications read for them (for the Link header). */
    public record Senders(List<Account> accounts, List<Long> pageIds) {
    }

    private final Database db;
    private final NotificationRepository notifications;
    private final AccountRepository accounts;
    private final NotificationWalker walker;
    private final NotificationQueryService single;

    public GroupedNotificationService(Database db, NotificationRepository notifications, AccountRepository accounts,
                                      NotificationWalker walker, NotificationQueryService single) {
        this.db = db;
        this.notifications = notifications;
        this.accounts = accounts;
        this.walker = walker;
        this.single = single;
    }

    /** {@code grouped_types[]}: absent means every groupable type; otherwise those listed that can be grouped. */
    public static Set<NotificationType> groupedTypes(Optional<List<String>> requested) {
        if (requested.isEmpty()) {
            return GROUPABLE;
        }
        Set<NotificationType> types = NotificationQuery.parse(requested.get());
        types.retainAll(GROUPABLE);
        return types;
    }

    public GroupedNotifications list(long viewerId, NotificationQuery query, Page page,
                                     Set<NotificationType> groupedTypes) {
        NotificationWalker.Walk walk = walker.walk(viewerId, query, page, page.limit(), groupedTypes);
        List<NotificationView> items = walk.items();
        if (items.isEmpty()) {
            return new GroupedNotifications(List.of(), Map.of(), walk.bounds());
        }
        Long newest = items.getFirst().notification().id();
        Long oldest = items.getLast().notification().id();
        if (walk.reachedEnd() && items.size() < page.limit()) {
            if (page.ascending()) {
                newest = page.maxId().map(id -> id - 1).orElse(null);
            } else {
                oldest = page.sinceId().map(id -> id + 1).orElse(null);
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        items.forEach(v -> keys.add(NotificationWalker.groupOf(v.notification(), groupedTypes)));
        keys.removeIf(k -> k.startsWith(NotificationWalker.UNGROUPED));
        Map<String, GroupStats> stats = stats(viewerId, keys, newest, oldest, query.includeFiltered());
        List<NotificationGroup> groups = new ArrayList<>();
        for (NotificationView v : items) {
            Notification n = v.notification();
            GroupStats s = stats.get(NotificationWalker.groupOf(n, groupedTypes));
            if (s == null) {
                groups.add(new NotificationGroup(NotificationWalker.UNGROUPED + n.id(), n.type(), 1, n.id(),
                        new NotificationGroup.PageData(n.id(), n.id(), n.createdAt()), List.of(n.fromAccountId()),
                        v.status(), v.report(), v.warning()));
            } else {
                groups.add(new NotificationGroup(s.groupKey(), n.type(), s.count(), s.mostRecentId(),
                        new NotificationGroup.PageData(s.pageMinId(), s.mostRecentId(),
                                s.mostRecentAt()), s.sampleAccountIds(), v.status(), v.report(), v.warning()));
            }
        }
        return new GroupedNotifications(groups, accountsOf(groups), walk.bounds());
    }

    /** One group by key ({@code ungrouped-<id>} for a single notification); 404 if the viewer has none visible. */
    public GroupedNotifications group(long viewerId, String groupKey) {
        NotificationGroup group;
        if (groupKey.startsWith(NotificationWalker.UNGROUPED)) {
            NotificationView v = single.show(viewerId, ungroupedId(groupKey));
            Notification n = v.notification();
            group = new NotificationGroup(groupKey, n.type(), 1, n.id(), null, List.of(n.fromAccountId()),
                    v.status(), v.report(), v.warning());
        } else {
            var filter = walker.filter(viewerId, NotificationQuery.ALL);
            List<Notification> newest = db.read(tx -> notifications.inGroup(tx, viewerId, groupKey, filter,
                    Page.first(1)));
            NotificationView v = walker.visible(viewerId, newest).stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            GroupStats s = stats(viewerId, List.of(groupKey), null, null, false).get(groupKey);
            if (s == null) {
                throw new NotFoundException("Record not found");
            }
            group = new NotificationGroup(groupKey, v.notification().type(), s.count(), s.mostRecentId(), null,
                    s.sampleAccountIds(), v.status(), v.report(), v.warning());
        }
        return new GroupedNotifications(List.of(group), accountsOf(List.of(group)), List.of());
    }

    /** The senders of a group's notifications, newest first, paged by notification id. */
    public Senders senders(long viewerId, String groupKey, Page page) {
        var filter = walker.filter(viewerId, NotificationQuery.ALL);
        List<Notification> rows;
        if (groupKey.startsWith(NotificationWalker.UNGROUPED)) {
            long id = ungroupedId(groupKey);
            rows = db.read(tx -> notifications.find(tx, viewerId, id, filter)).stream().toList();
        } else {
            rows = db.read(tx -> notifications.inGroup(tx, viewerId, groupKey, filter, page));
        }
        Map<Long, Account> byId = load(rows.stream().map(Notification::fromAccountId).toList());
        List<Account> out = rows.stream().map(n -> byId.get(n.fromAccountId())).filter(a -> a != null).toList();
        return new Senders(out, rows.stream().map(Notification::id).toList());
    }

    /** How many groups have a visible notification newer than the notifications marker, counting at most limit. */
    public int unreadCount(long viewerId, NotificationQuery query, Set<NotificationType> groupedTypes, int limit) {
        return walker.walk(viewerId, query.withFiltered(false), single.unreadPage(viewerId, limit), limit,
                groupedTypes).items().size();
    }

    private Map<String, GroupStats> stats(long viewerId, Collection<String> keys, Long upTo, Long from,
                                          boolean includeFiltered) {
        var filter = walker.filter(viewerId, NotificationQuery.ALL.withFiltered(includeFiltered));
        return db.read(tx -> notifications.groupStats(tx, viewerId, keys, filter, upTo, from, SAMPLE_ACCOUNTS));
    }

    private Map<Long, Account> accountsOf(List<NotificationGroup> groups) {
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        groups.forEach(g -> ids.addAll(g.sampleAccountIds()));
        return load(ids);
    }

    private Map<Long, Account> load(Collection<Long> ids) {
        Map<Long, Account> byId = new HashMap<>();
        db.read(tx -> accounts.findAll(tx, Set.copyOf(ids))).forEach(a -> byId.put(a.id(), a));
        return byId;
    }

    private static long ungroupedId(String groupKey) {
        try {
            return Long.parseLong(groupKey.substring(NotificationWalker.UNGROUPED.length()));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Record not found");
        }
    }
}
