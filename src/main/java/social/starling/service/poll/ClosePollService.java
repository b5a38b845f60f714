package social.starling.service.poll;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import social.starling.db.Database;
import social.starling.db.PollRepository;
import social.starling.jobs.JobContext;
import social.starling.model.NotificationType;
import social.starling.model.Poll;
import social.starling.service.notification.NotifyService;
import social.starling.service.status.StatusJobs;

/**
 * The {@code poll.close} job, queued for a poll's end when it is created (or edited): marks the poll closed and
 * notifies its local voters and its author (Mastodon's PollExpirationNotifyWorker). A job that finds the poll gone,
 * already closed, or not due yet (an edit moved its end; the edit queued another job) does nothing, so running it
 * again is harmless.
 */
public final class ClosePollService {
    private final Database db;
    private final PollRepository polls;
    private final NotifyService notify;
    private final Clock clock;

    public ClosePollService(Database db, PollRepository polls, NotifyService notify, Clock clock) {
        this.db = db;
        this.polls = polls;
        this.notify = notify;
        this.clock = clock;
    }

    public void handle(StatusJobs.PollPayload payload, JobContext context) {
        close(payload.pollId());
    }

    /** Closes the poll if it is due; returns whether this call closed it. */
    public boolean close(long pollId) {
        return db.inTransaction(tx -> {
            Instant now = clock.instant();
            Optional<Poll> found = polls.find(tx, pollId);
            if (found.isEmpty() || found.get().expiresAt() == null || found.get().expiresAt().isAfter(now)) {
                return false;
            }
            Poll poll = found.get();
            if (!polls.close(tx, pollId, now)) {
                return false;
            }
            for (long voter : polls.voters(tx, pollId)) {
                notify.notify(tx, voter, poll.accountId(), NotificationType.POLL, poll.statusId());
            }
            notify.notify(tx, poll.accountId(), poll.accountId(), NotificationType.POLL, poll.statusId());
            return true;
        });
    }
}
