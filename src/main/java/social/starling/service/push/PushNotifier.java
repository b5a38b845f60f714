package social.starling.service.push;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.Database;
import social.starling.db.PushSubscriptionRepository;
import social.starling.db.RelationshipRepository;
import social.starling.db.Tx;
import social.starling.jobs.JobQueue;
import social.starling.jobs.JobType;
import social.starling.jobs.Lane;
import social.starling.model.Notification;
import social.starling.model.PushSubscription;
import social.starling.service.event.Events;
import social.starling.service.event.NotificationCreated;

/**
 * Hears {@link NotificationCreated} and queues one {@link #JOB} per subscription of the recipient that wants it
 * (Mastodon's NotifyService#push_notification! and Web::PushSubscription#pushable?): its alerts include the
 * notification's type, and its policy admits the sender — {@code all}; {@code followed}: the recipient follows the
 * sender; {@code follower}: the sender follows the recipient; {@code none}: nobody.
 *
 * <p>The event arrives right after the notification's transaction commits, on the committing thread, which still
 * holds its connection (on SQLite the only writer): the work is handed to a virtual thread. Events are best effort,
 * so a node dying in that instant loses a push, never a notification. With several nodes every node hears the
 * event; each queues under the same unique key (subscription, notification), so while the first node's job waits
 * or runs the others' are refused. Subscriptions whose token was revoked are deleted on the way.
 */
public final class PushNotifier {
    private static final Logger log = LoggerFactory.getLogger(PushNotifier.class);

    /** Mastodon's push queue retries 5 times; a notification older than two days is not pushed any more. */
    public static final JobType<WebPushJob> JOB = JobType.of("web_push.deliver", Lane.DELIVERY, WebPushJob.class)
            .withRetries(5, Duration.ofSeconds(30), Duration.ofHours(1));

    /** One push of one notification to one subscription. */
    public record WebPushJob(long subscriptionId, long notificationId) {
    }

    private final Database db;
    private final PushSubscriptionRepository subscriptions;
    private final RelationshipRepository relationships;
    private final JobQueue jobs;
    private final java.time.Clock clock;
    private final AtomicInteger pending = new AtomicInteger();

    public PushNotifier(Database db, PushSubscriptionRepository subscriptions, RelationshipRepository relationships,
                        JobQueue jobs, java.time.Clock clock) {
        this.db = db;
        this.subscriptions = subscriptions;
        this.relationships = relationships;
        this.jobs = jobs;
        this.clock = clock;
    }

    public void listenTo(Events events) {
        events.subscribe(NotificationCreated.class, event -> {
            pending.incrementAndGet();
            Thread.ofVirtual().name("web-push-" + event.notificationId()).start(() -> {
                try {
                    queue(event);
                } catch (RuntimeException e) {
                    log.warn("web push: could not queue notification {}: {}", event.notificationId(), e.toString());
                } finally {
                    pending.decrementAndGet();
                }
            });
        });
    }

    /** Events heard whose pushes are still being decided (for tests and shutdown logs). */
    public int pending() {
        return pending.get();
    }

    /** Queues the pushes of one notification; returns how many were queued. */
    public int queue(NotificationCreated event) {
        if (!db.read(tx -> subscriptions.anyForAccount(tx, event.accountId()))) {
            return 0;
        }
        return db.inTransaction(tx -> {
            subscriptions.deleteRevoked(tx, event.accountId());
            List<PushSubscription> live = subscriptions.liveForAccount(tx, event.accountId());
            Optional<Notification> n = subscriptions.notification(tx, event.notificationId());
            if (n.isEmpty() || n.get().filtered()) {
                return 0;
            }
            int queued = 0;
            for (PushSubscription s : live) {
                if (pushable(tx, s, n.get())) {
                    boolean fresh = jobs.enqueueUnique(tx, JOB, new WebPushJob(s.id(), n.get().id()),
                            "web_push:" + s.id() + ":" + n.get().id(), clock.instant());
                    queued += fresh ? 1 : 0;
                }
            }
            return queued;
        });
    }

    /** Whether {@code s} wants {@code n} now (the job asks again before sending). */
    public boolean pushable(Tx tx, PushSubscription s, Notification n) {
        if (!s.alerts(n.type().wireName())) {
            return false;
        }
        return switch (s.policy()) {
            case "all" -> true;
            case "followed" -> relationships.findFollow(tx, n.accountId(), n.fromAccountId()).isPresent();
            case "follower" -> relationships.findFollow(tx, n.fromAccountId(), n.accountId()).isPresent();
            default -> false;
        };
    }
}
