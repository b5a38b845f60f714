package social.starling.federation.outbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import social.starling.db.AccountRepository;
import social.starling.db.DeliveryRepository;
import social.starling.db.StatusRepository;
import social.starling.db.Tx;
import social.starling.federation.outbox.Federate.Kind;
import social.starling.jobs.JobQueue;
import social.starling.model.Account;
import social.starling.model.Follow;
import social.starling.model.LocalUris;
import social.starling.model.Quote;
import social.starling.model.Status;
import social.starling.service.outbox.Outbox;

/**
 * The outbox with federation: every call goes to the local outbox first, and an action other servers must learn
 * of queues one small {@link Federate} job in the same transaction (ids only; what will be gone by the time it runs
 * is captured now). Which actions, and to whom, follows Mastodon (docs/federation.md, "Delivery").
 */
public final class FederatingOutbox implements Outbox {
    private final Outbox local;
    private final JobQueue jobs;
    private final AccountRepository accounts;
    private final StatusRepository statuses;
    private final DeliveryRepository deliveries;
    private final LocalUris uris;

    public FederatingOutbox(Outbox local, JobQueue jobs, AccountRepository accounts, StatusRepository statuses,
                            DeliveryRepository deliveries, LocalUris uris) {
        this.local = local;
        this.jobs = jobs;
        this.accounts = accounts;
        this.statuses = statuses;
        this.deliveries = deliveries;
        this.uris = uris;
    }

    @Override
    public void statusCreated(Tx tx, Status status) {
        local.statusCreated(tx, status);
        if (status.local() && !status.isReblog()) {
            queue(tx, Federate.status(Kind.CREATE, status.accountId(), status.id()));
        }
    }

    @Override
    public void reblogged(Tx tx, Status reblog, Status original) {
        local.reblogged(tx, reblog, original);
        if (reblog.local()) {
            queue(tx, new Federate(Kind.ANNOUNCE, reblog.accountId(), reblog.id(), original.id(), null, null, null,
                    null, null));
        }
    }

    @Override
    public void statusEdited(Tx tx, Status status) {
        local.statusEdited(tx, status);
        if (status.local()) {
            queue(tx, Federate.status(Kind.UPDATE_NOTE, status.accountId(), status.id()));
        }
    }

    /** Called before the row is deleted: whom it reached (mentions, the replied-to author, rebloggers) is kept now. */
    @Override
    public void statusDeleted(Tx tx, Status status) {
        local.statusDeleted(tx, status);
        if (!status.local() || status.isReblog()) {
            return;
        }
        Set<Long> reached = new LinkedHashSet<>(statuses.mentions(tx, List.of(status.id()))
                .getOrDefault(status.id(), List.of()));
        if (status.inReplyToAccountId() != null) {
            reached.add(status.inReplyToAccountId());
        }
        statuses.findAll(tx, statuses.reblogIds(tx, status.id())).values()
                .forEach(r -> reached.add(r.accountId()));
        reached.remove(status.accountId());
        queue(tx, new Federate(Kind.DELETE, status.accountId(), status.id(), null, null, status.uri(),
                status.visibility().name(), new ArrayList<>(reached), null));
    }

    @Override
    public void favourited(Tx tx, long accountId, Status status) {
        local.favourited(tx, accountId, status);
        if (!status.local() && isLocal(tx, accountId)) {
            queue(tx, Federate.status(Kind.LIKE, accountId, status.id()));
        }
    }

    @Override
    public void unfavourited(Tx tx, long accountId, Status status) {
        local.unfavourited(tx, accountId, status);
        if (!status.local() && isLocal(tx, accountId)) {
            queue(tx, Federate.status(Kind.UNDO_LIKE, accountId, status.id()));
        }
    }

    @Override
    public void unreblogged(Tx tx, Status reblog, Status original) {
        local.unreblogged(tx, reblog, original);
        if (reblog.local()) {
            queue(tx, new Federate(Kind.UNDO_ANNOUNCE, reblog.accountId(), reblog.id(), original.id(), null,
                    reblog.uri(), reblog.visibility().name(), null, null));
        }
    }

    @Override
    public void followRequested(Tx tx, Follow request) {
        local.followRequested(tx, request);
        if (isLocal(tx, request.accountId()) && !isLocal(tx, request.targetAccountId())) {
            queue(tx, Federate.between(Kind.FOLLOW, request.accountId(), request.targetAccountId(), request.id(),
                    followUri(request)));
        }
    }

    @Override
    public void followRequestClosed(Tx tx, Follow request, boolean rejected) {
        local.followRequestClosed(tx, request, rejected);
        boolean requesterLocal = isLocal(tx, request.accountId());
        boolean targetLocal = isLocal(tx, request.targetAccountId());
        if (requesterLocal && !targetLocal && !rejected) {
            queue(tx, Federate.between(Kind.UNDO_FOLLOW, request.accountId(), request.targetAccountId(),
                    request.id(), followUri(request)));
        } else if (!requesterLocal && targetLocal && rejected && request.uri() != null) {
            queue(tx, Federate.between(Kind.REJECT_FOLLOW, request.targetAccountId(), request.accountId(),
                    request.id(), request.uri()));
        }
    }

    @Override
    public void followed(Tx tx, Follow follow, boolean accepted) {
        local.followed(tx, follow, accepted);
        if (follow.uri() != null && !isLocal(tx, follow.accountId()) && isLocal(tx, follow.targetAccountId())) {
            queue(tx, Federate.between(Kind.ACCEPT_FOLLOW, follow.targetAccountId(), follow.accountId(), follow.id(),
                    follow.uri()));
        }
    }

    @Override
    public void followReaccepted(Tx tx, Follow follow, String uri) {
        local.followReaccepted(tx, follow, uri);
        if (uri != null && isLocal(tx, follow.targetAccountId())) {
            queue(tx, Federate.between(Kind.ACCEPT_FOLLOW, follow.targetAccountId(), follow.accountId(), follow.id(),
                    uri));
        }
    }

    @Override
    public void unfollowed(Tx tx, Follow follow, boolean byTarget) {
        local.unfollowed(tx, follow, byTarget);
        boolean followerLocal = isLocal(tx, follow.accountId());
        boolean targetLocal = isLocal(tx, follow.targetAccountId());
        if (followerLocal && !targetLocal && !byTarget) {
            queue(tx, Federate.between(Kind.UNDO_FOLLOW, follow.accountId(), follow.targetAccountId(), follow.id(),
                    followUri(follow)));
        } else if (!followerLocal && targetLocal && byTarget && follow.uri() != null) {
            queue(tx, Federate.between(Kind.REJECT_FOLLOW, follow.targetAccountId(), follow.accountId(), follow.id(),
                    follow.uri()));
        }
    }

    @Override
    public void blocked(Tx tx, long blockerId, long targetId) {
        local.blocked(tx, blockerId, targetId);
        if (isLocal(tx, blockerId) && !isLocal(tx, targetId)) {
            deliveries.blockId(tx, blockerId, targetId).ifPresent(id ->
                    queue(tx, Federate.between(Kind.BLOCK, blockerId, targetId, id, null)));
        }
    }

    /** Called while the block's row still exists, so the Undo names the Block by the id it was sent with. */
    @Override
    public void unblocked(Tx tx, long blockerId, long targetId) {
        local.unblocked(tx, blockerId, targetId);
        if (isLocal(tx, blockerId) && !isLocal(tx, targetId)) {
            deliveries.blockId(tx, blockerId, targetId).ifPresent(id ->
                    queue(tx, Federate.between(Kind.UNDO_BLOCK, blockerId, targetId, id, null)));
        }
    }

    @Override
    public void profileUpdated(Tx tx, Account account) {
        local.profileUpdated(tx, account);
        if (account.isLocal() && !"Application".equals(account.actorType())) {
            queue(tx, new Federate(Kind.UPDATE_ACTOR, account.id(), null, null, null, null, null, null, null));
        }
    }

    @Override
    public void accountSuspended(Tx tx, Account account) {
        local.accountSuspended(tx, account);
        if (account.isLocal() && !"Application".equals(account.actorType())) {
            queue(tx, new Federate(Kind.DELETE_ACTOR, account.id(), null, null, null, null, null, null, null));
        }
    }

    @Override
    public void voted(Tx tx, long accountId, Status pollStatus, List<Integer> choices) {
        local.voted(tx, accountId, pollStatus, choices);
        if (!pollStatus.local() && isLocal(tx, accountId)) {
            queue(tx, new Federate(Kind.VOTE, accountId, pollStatus.id(), null, null, null, null, null, choices));
        }
    }

    @Override
    public void quoteAnswered(Tx tx, Quote quote) {
        local.quoteAnswered(tx, quote);
        if (quote.activityUri() != null && quote.quotedAccountId() != null && !isLocal(tx, quote.accountId())
                && isLocal(tx, quote.quotedAccountId())) {
            queue(tx, Federate.between(quote.state() == Quote.State.ACCEPTED ? Kind.ACCEPT_QUOTE : Kind.REJECT_QUOTE,
                    quote.quotedAccountId(), quote.accountId(), quote.id(), null));
        }
    }

    @Override
    public void quoteRevoked(Tx tx, Quote quote) {
        local.quoteRevoked(tx, quote);
        if (quote.approvalUri() != null && quote.quotedAccountId() != null && isLocal(tx, quote.quotedAccountId())) {
            queue(tx, Federate.between(Kind.DELETE_QUOTE_AUTHORIZATION, quote.quotedAccountId(), quote.accountId(),
                    quote.id(), null));
        }
    }

    /**
     * A report forwarded to the target's server: a Flag from the instance actor (Mastodon's ReportService#forward_to_origin!),
     * so the reporter stays anonymous there.
     */
    @Override
    public void reported(Tx tx, social.starling.model.Report report) {
        local.reported(tx, report);
        if (report.forwarded() && !isLocal(tx, report.targetAccountId())) {
            accounts.findByUri(tx, uris.baseUrl() + "/actor").ifPresent(instance -> queue(tx,
                    Federate.between(Kind.FLAG, instance.id(), report.targetAccountId(), report.id(), null)));
        }
    }

    /** Mastodon's accept_quote!: StatusUpdateDistributionWorker, so followers see the quoteAuthorization. */
    @Override
    public void quoteApproved(Tx tx, Quote quote) {
        local.quoteApproved(tx, quote);
        if (isLocal(tx, quote.accountId())) {
            queue(tx, Federate.status(Kind.UPDATE_NOTE, quote.accountId(), quote.statusId()));
        }
    }

    private String followUri(Follow f) {
        return f.uri() != null ? f.uri() : uris.follow(f.id());
    }

    private boolean isLocal(Tx tx, long accountId) {
        return accounts.find(tx, accountId).map(Account::isLocal).orElse(false);
    }

    private void queue(Tx tx, Federate job) {
        jobs.enqueue(tx, Federate.JOB, job);
    }
}
