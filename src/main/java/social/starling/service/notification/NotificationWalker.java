package social.starling.service.notification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import social.starling.db.AccountModerationRepository;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.model.view.WarningView;
import social.starling.db.NotificationRepository;
import social.starling.db.ReportRepository;
import social.starling.model.Account;
import social.starling.model.Notification;
import social.starling.model.NotificationType;
import social.starling.model.Page;
import social.starling.model.Report;
import social.starling.model.view.NotificationView;
import social.starling.model.view.ReportView;
import social.starling.model.view.StatusView;
import social.starling.service.visibility.Relations;
import social.starling.service.visibility.RelationsCache;
import social.starling.service.status.StatusFilterer;
import social.starling.service.status.StatusViews;

/**
 * Reads a page of someone's notifications as they may see them now. Left out: notifications from accounts they
 * block or that block them, that they muted with notifications hidden, on domains they block, or that are
 * suspended (all in the query, so counts of groups agree); and notifications whose status they may no longer see
 * or that one of their keyword filters hides in the {@code notifications} context ({@code warn} keeps it, with
 * {@code filtered}). A mute that keeps notifications does not hide them, as on Mastodon, so statuses are loaded
 * with visibility rules only ({@link StatusViews.Mode#SHOW}) and hiding filters are applied here.
 *
 * <p>When notifications are left out, the walk reads on (in batches, a bounded number of times) so a page is
 * still full; the page's Link bounds are the ids it walked, so the next page starts where this one stopped.
 */
public final class NotificationWalker {
    static final int MAX_ROUNDS = 10;
    static final String UNGROUPED = "ungrouped-";

    /**
     * Visible notifications, newest first; the newest and oldest ids walked (empty when none); and whether the walk
     * reached the end of the list in its direction.
     */
    public record Walk(List<NotificationView> items, List<Long> bounds, boolean reachedEnd) {
    }

    private final Database db;
    private final AccountModerationRepository moderation = new AccountModerationRepository();
    private final NotificationRepository notifications;
    private final AccountRepository accounts;
    private final StatusViews statuses;
    private final RelationsCache relations;
    private final ReportRepository reports;

    public NotificationWalker(Database db, NotificationRepository notifications, AccountRepository accounts,
                              StatusViews statuses, RelationsCache relations, ReportRepository reports) {
        this.db = db;
        this.reports = reports;
        this.notifications = notifications;
        this.accounts = accounts;
        this.statuses = statuses;
        this.relations = relations;
    }

    /** The query's filter, with the senders {@code viewerId} does not want to hear from. */
    public NotificationRepository.Filter filter(long viewerId, NotificationQuery q) {
        Relations rel = relations.of(viewerId);
        Set<Long> excluded = new HashSet<>(rel.blocking());
        excluded.addAll(rel.blockedBy());
        rel.muted().forEach((id, hideNotifications) -> {
            if (Boolean.TRUE.equals(hideNotifications)) {
                excluded.add(id);
            }
        });
        return new NotificationRepository.Filter(q.types(), q.fromAccountId(), excluded, rel.blockedDomains(),
                q.includeFiltered());
    }

    /**
     * Up to {@code want} visible notifications within the page's bounds. With {@code groupedTypes} (v2), only the
     * first notification met of each group counts, groups being the stored group key for those types and
     * {@code ungrouped-<id>} otherwise: so a page holds {@code want} groups, as Mastodon's paginate_groups.
     */
    public Walk walk(long viewerId, NotificationQuery q, Page page, int want, Set<NotificationType> groupedTypes) {
        NotificationRepository.Filter f = filter(viewerId, q);
        boolean ascending = page.ascending();
        Long below = page.maxId().orElse(null);
        Long above = page.lowerBound().orElse(null);
        if (ascending && below != null && above > below) {
            // Mastodon: "min_id should be the least of the two, but that's not always the case"
            long swap = below;
            below = above;
            above = swap;
        }
        Set<NotificationType> grouped = groupedTypes == null ? Set.of() : groupedTypes;
        int batch = Math.min(200, Math.max(want + 10, 40));
        List<NotificationView> kept = new ArrayList<>();
        Set<String> seenGroups = new HashSet<>();
        Set<String> seenStoredKeys = new LinkedHashSet<>();
        Long first = null;
        Long last = null;
        boolean reachedEnd = false;
        walking:
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Long b = below;
            Long a = above;
            Set<String> skip = Set.copyOf(seenStoredKeys);
            List<Notification> rows = db.read(tx -> notifications.walk(tx, viewerId, f, b, a, ascending, batch,
                    grouped, skip));
            Map<Long, NotificationView> shown = new HashMap<>();
            visible(viewerId, rows).forEach(v -> shown.put(v.notification().id(), v));
            for (Notification n : rows) {
                first = first == null ? n.id() : first;
                last = n.id();
                if (ascending) {
                    above = n.id();
                } else {
                    below = n.id();
                }
                NotificationView v = shown.get(n.id());
                if (v == null) {
                    continue;
                }
                if (groupedTypes != null) {
                    String key = groupOf(n, grouped);
                    if (!seenGroups.add(key)) {
                        continue;
                    }
                    if (!key.startsWith(UNGROUPED)) {
                        seenStoredKeys.add(key);
                    }
                }
                kept.add(v);
                if (kept.size() >= want) {
                    break walking;
                }
            }
            if (rows.size() < batch) {
                reachedEnd = true;
                break;
            }
        }
        if (ascending) {
            Collections.reverse(kept);
        }
        List<Long> bounds = first == null ? List.of() : List.of(Math.max(first, last), Math.min(first, last));
        return new Walk(kept, bounds, reachedEnd);
    }

    /** The notifications among {@code rows} the viewer may see now, in order, with their senders and statuses. */
    public List<NotificationView> visible(long viewerId, List<Notification> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Long> senderIds = new HashSet<>();
        List<Long> statusIds = new ArrayList<>();
        Set<Long> reportIds = new HashSet<>();
        for (Notification n : rows) {
            senderIds.add(n.fromAccountId());
            if (n.reportId() != null) {
                reportIds.add(n.reportId());
            }
            if (n.statusId() != null && !statusIds.contains(n.statusId())) {
                statusIds.add(n.statusId());
            }
        }
        Map<Long, Report> reportsById = new HashMap<>();
        if (!reportIds.isEmpty()) {
            db.read(tx -> reports.findAll(tx, reportIds)).forEach(r -> {
                reportsById.put(r.id(), r);
                senderIds.add(r.targetAccountId());
            });
        }
        Map<Long, Account> senders = new HashMap<>();
        db.read(tx -> accounts.findAll(tx, senderIds)).forEach(a -> senders.put(a.id(), a));
        Map<Long, StatusView> views = new HashMap<>();
        statuses.load(statusIds, viewerId, StatusViews.Mode.SHOW, "notifications")
                .forEach(v -> views.put(v.status().id(), v));
        List<NotificationView> out = new ArrayList<>();
        for (Notification n : rows) {
            Account from = senders.get(n.fromAccountId());
            if (from == null || from.suspended()) {
                continue;
            }
            StatusView status = null;
            if (n.statusId() != null) {
                status = views.get(n.statusId());
                if (status == null) {
                    continue;
                }
                // Mastodon shows a reblog notification with the status that was reblogged.
                status = status.reblog() != null ? status.reblog() : status;
                if (StatusFilterer.hides(status.filtered())) {
                    continue;
                }
            }
            ReportView report = null;
            if (n.reportId() != null) {
                Report r = reportsById.get(n.reportId());
                Account target = r == null ? null : senders.get(r.targetAccountId());
                if (target == null) {
                    continue;
                }
                report = new ReportView(r, target);
            }
            WarningView warning = null;
            if (n.type() == NotificationType.MODERATION_WARNING) {
                // The strike shares the notification's id (NotifyService#moderationWarning).
                warning = db.read(tx -> moderation.findWarning(tx, n.id())
                        .map(found -> new WarningView(found, moderation.appealOf(tx, found.id()).orElse(null))))
                        .orElse(null);
                if (warning == null) {
                    continue;
                }
            }
            out.add(new NotificationView(n, from, status, report, warning));
        }
        return out;
    }

    /** The group a notification belongs to in a grouped list: its stored key if its type is grouped. */
    static String groupOf(Notification n, Set<NotificationType> groupedTypes) {
        return groupedTypes.contains(n.type()) && !n.groupKey().startsWith(UNGROUPED) ? n.groupKey()
                : UNGROUPED + n.id();
    }
}
