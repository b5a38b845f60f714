package social.starling.service.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import social.starling.db.Database;
import social.starling.db.FeedRepository;
import social.starling.db.ListFeedRepository;
import social.starling.db.QuoteRepository;
import social.starling.db.StatusEditRepository;
import social.starling.db.StatusRepository;
import social.starling.jobs.JobContext;
import social.starling.jobs.JobType;
import social.starling.jobs.Lane;
import social.starling.model.NotificationType;
import social.starling.model.Quote;
import social.starling.model.Status;
import social.starling.service.event.Events;
import social.starling.service.event.StatusWithdrawn;
import social.starling.service.notification.NotifyService;

/**
 * The {@code status.edited} job (Mastodon's FanOutOnWriteService with {@code update}): the status leaves the home
 * and list feeds whose rules no longer admit it and enters those that do now (a follow's languages and the new
 * language, a direct message's mentions; the user streams of those it left get a {@code delete}), accounts newly mentioned by an edit get a mention notification (those
 * already told are not told again), and local accounts that reblogged the status get an "update" notification, the
 * latest replacing an earlier one; local people who quoted it get a "quoted_update" one the same way. Running twice
 * changes nothing.
 */
public final class StatusEditNotifier {
    /** Enqueued by {@link EditStatusService} in the edit's transaction. */
    public static final JobType<StatusJobs.StatusPayload> JOB = JobType.of("status.edited", Lane.DEFAULT,
            StatusJobs.StatusPayload.class);

    private final Database db;
    private final StatusRepository statuses;
    private final StatusEditRepository edits;
    private final NotifyService notify;
    private final QuoteRepository quotes;
    private final FeedRepository feeds;
    private final ListFeedRepository listFeeds;
    private final Events events;
    private final Clock clock;

    public StatusEditNotifier(Database db, StatusRepository statuses, StatusEditRepository edits,
                              NotifyService notify, QuoteRepository quotes, FeedRepository feeds,
                              ListFeedRepository listFeeds, Events events, Clock clock) {
        this.events = events;
        this.quotes = quotes;
        this.feeds = feeds;
        this.listFeeds = listFeeds;
        this.clock = clock;
        this.db = db;
        this.statuses = statuses;
        this.edits = edits;
        this.notify = notify;
    }

    public void handle(StatusJobs.StatusPayload payload, JobContext context) {
        db.inTransaction(tx -> {
            Optional<Status> found = statuses.find(tx, payload.statusId());
            if (found.isEmpty()) {
                return null;
            }
            Status s = found.get();
            Instant now = clock.instant();
            List<Long> withdrawn = feeds.withdrawUnadmitted(tx, s.id(), now);
            if (!withdrawn.isEmpty()) {
                events.publish(tx, new StatusWithdrawn(s.id(), withdrawn));
            }
            feeds.fanOut(tx, s.id(), now);
            listFeeds.withdrawUnadmitted(tx, s.id());
            listFeeds.fanOut(tx, s.id());
            for (long mentioned : edits.activeMentions(tx, s.id())) {
                notify.notify(tx, mentioned, s.accountId(), NotificationType.MENTION, s.id());
            }
            for (long reblogger : edits.localRebloggers(tx, s.id())) {
                notify.withdraw(tx, reblogger, s.accountId(), NotificationType.UPDATE, s.id());
                notify.notify(tx, reblogger, s.accountId(), NotificationType.UPDATE, s.id());
            }
            // Mastodon 4.5: local people whose accepted quote shows this status get "quoted_update".
            for (Quote q : quotes.acceptedByLocal(tx, s.id())) {
                notify.withdraw(tx, q.accountId(), s.accountId(), NotificationType.QUOTED_UPDATE, s.id());
                notify.notify(tx, q.accountId(), s.accountId(), NotificationType.QUOTED_UPDATE, s.id());
            }
            return null;
        });
    }
}
