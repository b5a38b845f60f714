package social.starling.service.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.NotificationRepository;
import social.starling.db.NotificationRequestRepository;
import social.starling.db.RelationshipRepository;
import social.starling.db.Tx;
import social.starling.db.UserRepository;
import social.starling.model.Account;
import social.starling.service.event.Events;
import social.starling.service.event.NotificationCreated;
import social.starling.service.visibility.RelationsCache;
import social.starling.service.visibility.StatusVisibility;
import social.starling.model.IdGenerator;
import social.starling.model.Notification;
import social.starling.model.NotificationPolicy.Action;
import social.starling.model.NotificationRequest;
import social.starling.model.NotificationType;

/**
 * Creates notifications for local people, inside the caller's transaction, with Mastodon's rules: never for
 * one's own actions, nothing from someone the recipient blocks or who blocks them, nothing from someone the
 * recipient muted with notifications hidden, nothing about a status in a thread the recipient muted, one per
 * (type, actor, status). The one exception to "never for one's own actions" is a poll's end, which its author is
 * told of too. Favourites, reblogs and follows get a group key that gathers those of the same kind (and status)
 * within 12 hours, for grouped notifications; other types are ungrouped.
 *
 * <p>Then the recipient's notification policy ({@link NotificationPolicyRules}): {@code drop} stores nothing;
 * {@code filter} stores the notification as filtered (out of the lists) and, for a mention, creates or updates the
 * notification request of that sender (Mastodon's NotifyService#update_notification_request!: its last status and
 * its count of filtered mentions).
 */
public final class NotifyService {
    static final long MAX_GROUP_SPAN_HOURS = 12;

    private final NotificationRepository notifications;
    private final NotificationRequestRepository requests;
    private final NotificationPolicyRules policy;
    private final RelationshipRepository relationships;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final IdGenerator ids;
    private final Clock clock;
    private final Events events;

    public NotifyService(NotificationRepository notifications, NotificationRequestRepository requests,
                         NotificationPolicyRules policy, RelationshipRepository relationships,
                         AccountRepository accounts, UserRepository users, IdGenerator ids, Clock clock,
                         Events events) {
        this.events = events;
        this.notifications = notifications;
        this.requests = requests;
        this.policy = policy;
        this.relationships = relationships;
        this.accounts = accounts;
        this.users = users;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Notifies {@code recipientId} unless a rule says otherwise; returns the notification made, if any (a filtered
     * one too: see {@link Notification#filtered()}).
     */
    public Optional<Notification> notify(Tx tx, long recipientId, long fromId, NotificationType type, Long statusId) {
        return notify(tx, recipientId, fromId, type, statusId, null);
    }

    /**
     * As {@link #notify(Tx, long, long, NotificationType, Long)}, about a report ({@code admin.report}; once per
     * report, however many the sender filed).
     */
    public Optional<Notification> notify(Tx tx, long recipientId, long fromId, NotificationType type, Long statusId,
                                         Long reportId) {
        // Only local people are notified; the rules are StatusVisibility#notificationAllowed (one's own poll ending
        // is the one notice about oneself, as Mastodon's PollExpirationNotifyWorker).
        if (users.find(tx, recipientId).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Account> from = accounts.find(tx, fromId);
        if (from.isEmpty() || !StatusVisibility.notificationAllowed(recipientId, from.get(), type,
                RelationsCache.load(tx, relationships, recipientId, now),
                statusId != null && notifications.threadMuted(tx, recipientId, statusId))) {
            return Optional.empty();
        }
        if (notifications.exists(tx, recipientId, fromId, type, statusId, reportId)) {
            return Optional.empty();
        }
        Action verdict = policy.judge(tx, recipientId, from.get(), type, statusId, now);
        if (verdict == Action.DROP) {
            return Optional.empty();
        }
        long id = ids.next();
        Notification n = new Notification(id, recipientId, fromId, type, statusId,
                groupKey(tx, recipientId, type, statusId, id, now), now, verdict == Action.FILTER, reportId);
        notifications.insert(tx, n);
        if (!n.filtered()) {
            events.publish(tx, new NotificationCreated(id, recipientId));
        }
        if (n.filtered() && type == NotificationType.MENTION) {
            requests.upsert(tx, ids.next(), recipientId, fromId, statusId, notifications.countFilteredMentions(tx,
                    recipientId, fromId, NotificationRequest.MAX_MEANINGFUL_COUNT), now);
        }
        return Optional.of(n);
    }

    /**
     * Tells a local member of a strike against them (Mastodon's LocalNotificationWorker for an AccountWarning): a
     * {@code moderation_warning} notification from their own account, never filtered by a policy (Mastodon's
     * NON_FILTERABLE_TYPES). Its id is the strike's, which is how the notification finds its AccountWarning.
     */
    public Notification moderationWarning(Tx tx, long recipientId, long warningId) {
        Notification n = new Notification(warningId, recipientId, recipientId, NotificationType.MODERATION_WARNING,
                null, "ungrouped-" + warningId, clock.instant(), false);
        notifications.insert(tx, n);
        events.publish(tx, new NotificationCreated(n.id(), recipientId));
        return n;
    }

    /** Removes a notification whose cause was undone (unfavourite, unfollow before it was seen). */
    public void withdraw(Tx tx, long recipientId, long fromId, NotificationType type, Long statusId) {
        notifications.deleteFor(tx, recipientId, fromId, type, statusId);
    }

    /**
     * Mastodon's Notification#set_group_key!: favourite/reblog group per status, follow and admin.sign_up per
     * recipient, in hour
     * buckets that keep extending a group until it spans 12 hours; everything else is {@code ungrouped-<id>}.
     */
    String groupKey(Tx tx, long recipientId, NotificationType type, Long statusId, long id, Instant now) {
        String prefix = switch (type) {
            case FAVOURITE, REBLOG -> type.wireName() + "-" + statusId;
            case FOLLOW, ADMIN_SIGN_UP -> type.wireName();
            default -> null;
        };
        if (prefix == null) {
            return "ungrouped-" + id;
        }
        long bucket = now.getEpochSecond() / 3600;
        Optional<String> latest = notifications.latestGroupKey(tx, recipientId, prefix);
        if (latest.isPresent()) {
            try {
                long previous = Long.parseLong(latest.get().substring(latest.get().lastIndexOf('-') + 1));
                if (bucket < previous + MAX_GROUP_SPAN_HOURS) {
                    bucket = previous;
                }
            } catch (NumberFormatException ignored) {
                // a key of another shape: start a new group
            }
        }
        return prefix + "-" + bucket;
    }
}
