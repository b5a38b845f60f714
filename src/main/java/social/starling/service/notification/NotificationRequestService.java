package social.starling.service.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import social.starling.db.AccountRepository;
import social.starling.db.ConversationRepository;
import social.starling.db.Database;
import social.starling.db.NotificationRepository;
import social.starling.db.NotificationRequestRepository;
import social.starling.db.StatusRepository;
import social.starling.db.Tx;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.IdGenerator;
import social.starling.model.Notification;
import social.starling.model.NotificationRequest;
import social.starling.model.NotificationType;
import social.starling.model.Page;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.model.view.NotificationRequestView;
import social.starling.model.view.StatusView;
import social.starling.service.status.StatusViews;

/**
 * Notification requests (Mastodon 4.3): list and read them, accept them (the sender's filtered notifications join
 * the lists, their filtered direct mentions join the conversations, and a notification permission lets every
 * later notification from them through: AcceptNotificationRequestService and UnfilterNotificationsWorker) or
 * dismiss them (the request and the sender's filtered notifications are deleted: DismissNotificationRequestService
 * and FilteredNotificationCleanupWorker). Starling does this at once, in one transaction, so accepted requests are
 * always merged.
 */
public final class NotificationRequestService {
    private final Database db;
    private final NotificationRequestRepository requests;
    private final NotificationRepository notifications;
    private final AccountRepository accounts;
    private final StatusRepository statusRows;
    private final ConversationRepository conversations;
    private final StatusViews statuses;
    private final IdGenerator ids;
    private final Clock clock;

    public NotificationRequestService(Database db, NotificationRequestRepository requests,
                                      NotificationRepository notifications, AccountRepository accounts,
                                      StatusRepository statusRows, ConversationRepository conversations,
                                      StatusViews statuses, IdGenerator ids, Clock clock) {
        this.db = db;
        this.requests = requests;
        this.notifications = notifications;
        this.accounts = accounts;
        this.statusRows = statusRows;
        this.conversations = conversations;
        this.statuses = statuses;
        this.ids = ids;
        this.clock = clock;
    }

    public List<NotificationRequestView> list(long viewerId, Page page) {
        return views(viewerId, db.read(tx -> requests.page(tx, viewerId, page)));
    }

    public NotificationRequestView show(long viewerId, long id) {
        return views(viewerId, List.of(require(viewerId, id))).getFirst();
    }

    public void accept(long viewerId, long id) {
        NotificationRequest r = require(viewerId, id);
        db.inTransaction(tx -> {
            accept(tx, r);
            return null;
        });
    }

    public void dismiss(long viewerId, long id) {
        NotificationRequest r = require(viewerId, id);
        db.inTransaction(tx -> {
            dismiss(tx, r);
            return null;
        });
    }

    /** Accepts those of {@code ids} that are the viewer's requests; other ids are ignored, as on Mastodon. */
    public void acceptAll(long viewerId, Collection<Long> requestIds) {
        db.inTransaction(tx -> {
            requests.findAll(tx, viewerId, requestIds).forEach(r -> accept(tx, r));
            return null;
        });
    }

    public void dismissAll(long viewerId, Collection<Long> requestIds) {
        db.inTransaction(tx -> {
            requests.findAll(tx, viewerId, requestIds).forEach(r -> dismiss(tx, r));
            return null;
        });
    }

    /** The policy's summary: pending requests (at most 100 counted) and the notifications they hold. */
    public NotificationRequest.Summary summary(long viewerId) {
        return db.read(tx -> requests.summary(tx, viewerId, NotificationRequest.MAX_MEANINGFUL_COUNT));
    }

    private NotificationRequest require(long viewerId, long id) {
        return db.read(tx -> requests.find(tx, viewerId, id))
                .orElseThrow(() -> new NotFoundException("Record not found"));
    }

    private void accept(Tx tx, NotificationRequest r) {
        Instant now = clock.instant();
        requests.permit(tx, r.accountId(), r.fromAccountId(), now);
        for (Notification n : notifications.filteredFrom(tx, r.accountId(), r.fromAccountId())) {
            if (n.type() == NotificationType.MENTION && n.statusId() != null) {
                joinConversation(tx, r.accountId(), n.statusId(), now);
            }
        }
        notifications.unfilter(tx, r.accountId(), r.fromAccountId());
        requests.delete(tx, r.id());
    }

    private void dismiss(Tx tx, NotificationRequest r) {
        notifications.deleteFiltered(tx, r.accountId(), r.fromAccountId());
        requests.delete(tx, r.id());
    }

    /** A filtered direct mention joins the recipient's conversations once accepted (push_to_conversations!). */
    private void joinConversation(Tx tx, long recipientId, long statusId, Instant now) {
        Status s = statusRows.find(tx, statusId).orElse(null);
        if (s == null || s.visibility() != Visibility.DIRECT || s.conversationId() == null) {
            return;
        }
        List<Long> others = new ArrayList<>(statusRows.mentions(tx, List.of(s.id())).getOrDefault(s.id(), List.of()));
        others.add(s.accountId());
        List<Long> participants = others.stream().filter(id -> id != recipientId).distinct().toList();
        conversations.upsert(tx, ids, recipientId, s.conversationId(), participants, s.id(), true, now);
    }

    private List<NotificationRequestView> views(long viewerId, List<NotificationRequest> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Account> senders = new HashMap<>();
        db.read(tx -> accounts.findAll(tx, rows.stream().map(NotificationRequest::fromAccountId).toList()))
                .forEach(a -> senders.put(a.id(), a));
        Map<Long, StatusView> lastStatuses = new HashMap<>();
        statuses.load(rows.stream().map(NotificationRequest::lastStatusId).filter(Objects::nonNull).distinct()
                        .toList(), viewerId, StatusViews.Mode.SHOW, null)
                .forEach(v -> lastStatuses.put(v.status().id(), v));
        return rows.stream().filter(r -> senders.containsKey(r.fromAccountId()))
                .map(r -> new NotificationRequestView(r, senders.get(r.fromAccountId()),
                        r.lastStatusId() == null ? null : lastStatuses.get(r.lastStatusId())))
                .toList();
    }
}
