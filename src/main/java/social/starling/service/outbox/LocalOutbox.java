package social.starling.service.outbox;

import java.util.List;
import social.starling.db.Tx;
import social.starling.jobs.JobQueue;
import social.starling.model.Account;
import social.starling.model.Follow;
import social.starling.model.NotificationType;
import social.starling.model.Quote;
import social.starling.model.Status;
import social.starling.service.notification.NotifyService;
import social.starling.service.status.StatusEditNotifier;
import social.starling.service.status.StatusJobs;

/**
 * The local side of every effect: immediate notifications are made here, in the writer's transaction; work that
 * may be long (fan-out to followers' feeds, mention and subscriber notifications, edit notifications) is a job
 * queued in the same transaction and handled by {@code DistributeStatusService} and {@link StatusEditNotifier}.
 */
public final class LocalOutbox implements Outbox {
    private final JobQueue jobs;
    private final NotifyService notify;

    public LocalOutbox(JobQueue jobs, NotifyService notify) {
        this.jobs = jobs;
        this.notify = notify;
    }

    @Override
    public void statusCreated(Tx tx, Status status) {
        jobs.enqueue(tx, StatusJobs.DISTRIBUTE, new StatusJobs.StatusPayload(status.id()));
    }

    @Override
    public void reblogged(Tx tx, Status reblog, Status original) {
        jobs.enqueue(tx, StatusJobs.DISTRIBUTE, new StatusJobs.StatusPayload(reblog.id()));
        notify.notify(tx, original.accountId(), reblog.accountId(), NotificationType.REBLOG, original.id());
    }

    @Override
    public void statusEdited(Tx tx, Status status) {
        jobs.enqueue(tx, StatusEditNotifier.JOB, new StatusJobs.StatusPayload(status.id()));
    }

    @Override
    public void statusDeleted(Tx tx, Status status) {
        // Locally the deleted row drops out of every feed and list by itself (they join statuses); federation
        // will deliver a Delete here.
    }

    @Override
    public void favourited(Tx tx, long accountId, Status status) {
        notify.notify(tx, status.accountId(), accountId, NotificationType.FAVOURITE, status.id());
    }

    @Override
    public void unfavourited(Tx tx, long accountId, Status status) {
        notify.withdraw(tx, status.accountId(), accountId, NotificationType.FAVOURITE, status.id());
    }

    @Override
    public void unreblogged(Tx tx, Status reblog, Status original) {
        notify.withdraw(tx, original.accountId(), reblog.accountId(), NotificationType.REBLOG, original.id());
    }

    @Override
    public void followRequested(Tx tx, Follow request) {
        notify.notify(tx, request.targetAccountId(), request.accountId(), NotificationType.FOLLOW_REQUEST, null);
    }

    @Override
    public void followRequestClosed(Tx tx, Follow request, boolean rejected) {
        notify.withdraw(tx, request.targetAccountId(), request.accountId(), NotificationType.FOLLOW_REQUEST, null);
    }

    @Override
    public void followed(Tx tx, Follow follow, boolean accepted) {
        if (accepted) {
            notify.withdraw(tx, follow.targetAccountId(), follow.accountId(), NotificationType.FOLLOW_REQUEST, null);
        }
        notify.notify(tx, follow.targetAccountId(), follow.accountId(), NotificationType.FOLLOW, null);
    }

    @Override
    public void followReaccepted(Tx tx, Follow follow, String uri) {
    }

    @Override
    public void unfollowed(Tx tx, Follow follow, boolean byTarget) {
        // Nothing local: Mastodon keeps the follow notification. Federation will deliver Undo(Follow).
    }

    @Override
    public void blocked(Tx tx, long blockerId, long targetId) {
        // Local effects (follows ended, feeds and notifications cleaned) are BlockService's, in the same transaction.
    }

    @Override
    public void unblocked(Tx tx, long blockerId, long targetId) {
    }

    @Override
    public void profileUpdated(Tx tx, Account account) {
        // Caches learn of it through AccountChanges; only other servers need telling.
    }

    @Override
    public void voted(Tx tx, long accountId, Status pollStatus, List<Integer> choices) {
        // Counts are written by VoteService; a remote poll's author learns of the vote through federation.
    }

    /** Mastodon's QuoteRequest#accept_quote_request!: the quoted author gets a "quote" notification. */
    @Override
    public void quoteAnswered(Tx tx, Quote quote) {
        if (quote.state() == Quote.State.ACCEPTED && quote.quotedAccountId() != null) {
            notify.notify(tx, quote.quotedAccountId(), quote.accountId(), NotificationType.QUOTE, quote.statusId());
        }
    }

    @Override
    public void quoteRevoked(Tx tx, Quote quote) {
        // Locally the quote's state is all there is to change.
    }

    @Override
    public void quoteApproved(Tx tx, Quote quote) {
        // Local readers see the new state at their next read.
    }
}
