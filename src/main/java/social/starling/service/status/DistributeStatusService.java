package social.starling.service.status;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.ConversationRepository;
import social.starling.db.Database;
import social.starling.db.FeedRepository;
import social.starling.db.ListFeedRepository;
import social.starling.db.QuoteRepository;
import social.starling.db.RelationshipRepository;
import social.starling.db.StatusRepository;
import social.starling.db.UserRepository;
import social.starling.jobs.JobContext;
import social.starling.model.IdGenerator;
import social.starling.model.NotificationType;
import social.starling.model.Quote;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.service.event.ConversationUpdated;
import social.starling.service.event.Events;
import social.starling.service.event.StatusCreated;
import social.starling.service.notification.NotifyService;

/**
 * The {@code status.distribute} job: after a status is committed, fans it out to followers' home feeds (one
 * statement) and to the feeds of the lists that hold its author (one more), and, when public, to the home feeds of people following one of its hashtags; notifies mentioned people
 * and followers who asked to be told of new posts, and records direct messages in the thread lists of the author
 * and of each mentioned person who was notified; tells the author of a status it quotes. Running twice does no harm: feed inserts and notifications are
 * deduplicated. The job is removed in the transaction that distributes (one commit less per post on SQLite).
 */
public final class DistributeStatusService {
    private static final Logger log = LoggerFactory.getLogger(DistributeStatusService.class);

    private final Database db;
    private final StatusRepository statuses;
    private final FeedRepository feeds;
    private final ListFeedRepository listFeeds;
    private final RelationshipRepository relationships;
    private final UserRepository users;
    private final ConversationRepository conversations;
    private final NotifyService notify;
    private final QuoteRepository quotes;
    private final IdGenerator ids;
    private final Clock clock;
    private final Events events;

    public DistributeStatusService(Database db, StatusRepository statuses, FeedRepository feeds,
                                   ListFeedRepository listFeeds,
                                   RelationshipRepository relationships, UserRepository users,
                                   ConversationRepository conversations, NotifyService notify,
                                   QuoteRepository quotes, IdGenerator ids, Clock clock, Events events) {
        this.quotes = quotes;
        this.events = events;
        this.db = db;
        this.statuses = statuses;
        this.feeds = feeds;
        this.listFeeds = listFeeds;
        this.relationships = relationships;
        this.users = users;
        this.conversations = conversations;
        this.notify = notify;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Distributes the status. On SQLite (one writer), in one write transaction with the other statuses whose jobs
     * are running at the same moment ({@link #MAX_BATCH} at most): jobs queue their status, and whichever holds the
     * lock writes all those queued, so a burst of posts costs one commit instead of one each (SQLite has one writer, and a commit writes
     * each page it changed: the followers' feed pages are shared by consecutive posts). When that transaction fails,
     * each status is retried in a transaction of its own, so only a failing status fails its job.
     */
    public void handle(StatusJobs.StatusPayload payload, JobContext context) throws InterruptedException {
        if (db.dialect() != Database.Dialect.SQLITE) {
            // PostgreSQL writes on many connections at once: one transaction per job, as they run (batching them
            // behind one lock made the fan-out lag longer there, bench/README.md "Posting").
            db.inTransaction(tx -> {
                distribute(tx, payload.statusId());
                context.completeIn(tx);
                return null;
            });
            return;
        }
        Queued mine = new Queued(payload.statusId(), context, new CompletableFuture<>());
        queued.add(mine);
        while (!mine.done().isDone()) { // the queue is first in, first out: each turn takes at least one
            batchLock.lockInterruptibly();
            try {
                if (!mine.done().isDone()) {
                    List<Queued> batch = new ArrayList<>();
                    for (Queued q; batch.size() < MAX_BATCH && (q = queued.poll()) != null; ) {
                        batch.add(q);
                    }
                    try {
                        runBatch(batch);
                    } catch (Throwable e) {
                        batch.forEach(q -> q.done().completeExceptionally(e)); // no job waits for ever
                        throw e;
                    }
                }
            } finally {
                batchLock.unlock();
            }
        }
        try {
            mine.done().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Statuses written together at most. */
    static final int MAX_BATCH = 32;

    private record Queued(long statusId, JobContext context, CompletableFuture<Void> done) {
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<Queued> queued =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.locks.ReentrantLock batchLock = new java.util.concurrent.locks.ReentrantLock();

    private void runBatch(List<Queued> batch) {
        if (batch.size() > 1) {
            try {
                db.inTransaction(tx -> {
                    for (Queued q : batch) {
                        distribute(tx, q.statusId());
                        q.context().completeIn(tx);
                    }
                    return null;
                });
                batch.forEach(q -> q.done().complete(null));
                return;
            } catch (RuntimeException e) {
                log.debug("distributing {} statuses together failed ({}); one at a time", batch.size(), e.toString());
            }
        }
        for (Queued q : batch) {
            try {
                db.inTransaction(tx -> {
                    distribute(tx, q.statusId());
                    q.context().completeIn(tx);
                    return null;
                });
                q.done().complete(null);
            } catch (RuntimeException e) {
                q.done().completeExceptionally(e);
            }
        }
    }

    private void distribute(social.starling.db.Tx tx, long statusId) {
        {
            Optional<Status> found = statuses.find(tx, statusId);
            if (found.isEmpty()) {
                return; // deleted before it was distributed
            }
            Status s = found.get();
            Instant now = clock.instant();
            List<Long> reached = feeds.fanOut(tx, s.id(), now);
            log.debug("status {} entered {} home feeds", s.id(), reached.size());
            listFeeds.fanOut(tx, s.id());
            List<Long> recipients = new ArrayList<>(reached);
            if (s.local() && !recipients.contains(s.accountId())) {
                recipients.add(s.accountId()); // the author's own feed got it when it was written
            }
            events.publish(tx, new StatusCreated(s.id(), recipients));
            if (!s.isReblog() && s.visibility() == Visibility.PUBLIC) {
                // Mastodon: only "broadcastable" statuses (public, not reblogs) reach hashtag followers.
                feeds.fanOutToTagFollowers(tx, s, now);
            }
            if (s.isReblog()) {
                return; // the reblog notification is made when the reblog is created
            }
            List<Long> mentioned = statuses.mentions(tx, List.of(s.id())).getOrDefault(s.id(), List.of());
            List<Long> notified = new ArrayList<>();
            for (long accountId : mentioned) {
                if (!involvesSomeoneShunned(tx, accountId, s, mentioned, now)
                        && notify.notify(tx, accountId, s.accountId(), NotificationType.MENTION, s.id())
                                .filter(n -> !n.filtered()).isPresent()) {
                    // a mention a policy filtered joins no conversation until its request is accepted
                    notified.add(accountId);
                }
            }
            // Mastodon 4.5: the author of a quoted status is told of an accepted quote ("quote" notification).
            quotes.ofStatus(tx, s.id())
                    .filter(q -> q.state() == Quote.State.ACCEPTED && q.quotedAccountId() != null)
                    .ifPresent(q -> notify.notify(tx, q.quotedAccountId(), s.accountId(), NotificationType.QUOTE,
                            s.id()));
            if (s.visibility() != Visibility.DIRECT && !s.isReply()
                    || s.isReply() && s.inReplyToAccountId() != null && s.inReplyToAccountId() == s.accountId()) {
                notifySubscribers(tx, s, mentioned);
            }
            if (s.visibility() == Visibility.DIRECT && s.conversationId() != null) {
                recordDirect(tx, s, mentioned, notified, now);
            }
        }
    }

    /**
     * Mastodon's {@code FeedManager#filter_from_mentions?}: no mention notification when the status also mentions,
     * or answers, someone the recipient blocks or mutes (the author is checked by {@link NotifyService}).
     */
    private boolean involvesSomeoneShunned(social.starling.db.Tx tx, long recipient, Status s, List<Long> mentioned,
                                           Instant now) {
        Set<Long> others = new HashSet<>(mentioned);
        if (s.inReplyToAccountId() != null) {
            others.add(s.inReplyToAccountId());
        }
        others.remove(recipient);
        others.remove(s.accountId());
        if (others.isEmpty()) {
            return false;
        }
        Set<Long> shunned = new HashSet<>(relationships.blockedBy(tx, recipient));
        shunned.addAll(relationships.mutedBy(tx, recipient, now).keySet());
        return others.stream().anyMatch(shunned::contains);
    }

    /** Followers who follow with {@code notify} get a "status" notification (Mastodon: not for replies to others). */
    private void notifySubscribers(social.starling.db.Tx tx, Status s, List<Long> mentioned) {
        for (long follower : relationships.notifiedFollowers(tx, s.accountId())) {
            if (!mentioned.contains(follower) && (s.visibility() != Visibility.PRIVATE
                    || relationships.follows(tx, follower, s.accountId()))) {
                notify.notify(tx, follower, s.accountId(), NotificationType.STATUS, s.id());
            }
        }
    }

    /**
     * The author's thread, and the thread of each mentioned person who was notified: Mastodon adds a direct status
     * to a recipient's conversations only with the mention notification (NotifyService#push_to_conversation!), so
     * someone who blocks or mutes the author, or muted the thread, gets no conversation from it.
     */
    private void recordDirect(social.starling.db.Tx tx, Status s, List<Long> mentioned, List<Long> notified,
                              Instant now) {
        List<Long> everyone = new ArrayList<>(mentioned);
        everyone.add(s.accountId());
        for (long participant : everyone) {
            if (participant != s.accountId() && !notified.contains(participant)
                    || users.find(tx, participant).isEmpty()) {
                continue;
            }
            List<Long> others = everyone.stream().filter(id -> id != participant).distinct().toList();
            conversations.upsert(tx, ids, participant, s.conversationId(), others, s.id(),
                    participant != s.accountId(), now);
            events.publish(tx, new ConversationUpdated(participant, s.conversationId()));
        }
    }
}
