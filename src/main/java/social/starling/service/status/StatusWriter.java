package social.starling.service.status;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import social.starling.db.ConversationRepository;
import social.starling.db.FeedRepository;
import social.starling.db.PollRepository;
import social.starling.db.StatusRepository;
import social.starling.db.TagRepository;
import social.starling.db.Tx;
import social.starling.jobs.JobQueue;
import social.starling.model.Account;
import social.starling.model.IdGenerator;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.service.outbox.Outbox;
import social.starling.db.AccountRepository;

/**
 * The one write path for a new status, local or remote: the row, its mentions, hashtags and poll, the counters
 * (author's statuses, parent's replies), its conversation, the author's own home feed (local authors), the poll's
 * closing job, and the outbox — all in the caller's transaction. Used by posting (now or scheduled) and by an
 * inbound {@code Create}. Who may write what (validation, origin checks, visibility of the parent) is the caller's
 * business, at the edge; this class only writes.
 */
public final class StatusWriter {
    /** A status about to be written. {@code parent} (may be null) is the replied-to status, already checked. */
    public record NewStatus(long id, Account author, String uri, String url, Visibility visibility, String text,
                            String content, String spoilerText, boolean sensitive, String language, Status parent,
                            Long conversationId, Long applicationId, List<Long> mentionedAccountIds,
                            List<String> hashtags, NewPoll poll, Instant createdAt) {
    }

    /** A poll to attach. */
    public record NewPoll(List<String> options, boolean multiple, boolean hideTotals, Instant expiresAt) {
    }

    private final StatusRepository statuses;
    private final AccountRepository accounts;
    private final TagRepository tags;
    private final PollRepository polls;
    private final ConversationRepository conversations;
    private final FeedRepository feeds;
    private final JobQueue jobs;
    private final Outbox outbox;
    private final IdGenerator ids;

    public StatusWriter(StatusRepository statuses, AccountRepository accounts, TagRepository tags, PollRepository polls,
                        ConversationRepository conversations, FeedRepository feeds, JobQueue jobs, Outbox outbox,
                        IdGenerator ids) {
        this.statuses = statuses;
        this.accounts = accounts;
        this.tags = tags;
        this.polls = polls;
        this.conversations = conversations;
        this.feeds = feeds;
        this.jobs = jobs;
        this.outbox = outbox;
        this.ids = ids;
    }

    public Status create(Tx tx, NewStatus n) {
        Instant now = n.createdAt();
        long authorId = n.author().id();
        Status parent = n.parent();
        Long conversationId = n.conversationId() != null ? n.conversationId()
                : parent != null && parent.conversationId() != null ? parent.conversationId()
                : newConversation(tx, now);
        Long pollId = n.poll() == null ? null : ids.next();
        Status status = new Status(n.id(), authorId, n.uri(), n.url(), n.author().isLocal(), n.visibility(), n.text(),
                n.content(), n.spoilerText(), n.sensitive(), n.language(), parent == null ? null : parent.id(),
                parent == null ? null : parent.accountId(), null, conversationId, n.applicationId(), pollId,
                0, 0, 0, 0, null, now);
        statuses.insert(tx, status);
        for (long mentioned : new LinkedHashSet<>(n.mentionedAccountIds())) {
            statuses.insertMention(tx, n.id(), mentioned, false);
        }
        for (String tag : new LinkedHashSet<>(n.hashtags())) {
            tags.attach(tx, n.id(), tags.findOrCreate(tx, tag, ids, now).id(), now);
        }
        if (n.poll() != null) {
            polls.insert(tx, pollId, n.id(), authorId, n.poll().options(), n.poll().multiple(),
                    n.poll().hideTotals(), n.poll().expiresAt(), now);
            if (n.poll().expiresAt() != null) { // a remote poll may have no end
                jobs.enqueueAt(tx, StatusJobs.CLOSE_POLL, new StatusJobs.PollPayload(pollId), n.poll().expiresAt());
            }
        }
        accounts.countStatus(tx, authorId, 1, now);
        if (parent != null) {
            statuses.count(tx, parent.id(), StatusRepository.Counter.REPLIES, 1);
        }
        if (n.author().isLocal() && !feeds.isStale(tx, authorId)) {
            feeds.insert(tx, authorId, n.id(), authorId, null, null); // one's own post shows at once in one's home
        }
        outbox.statusCreated(tx, status);
        return status;
    }

    private long newConversation(Tx tx, Instant now) {
        long id = ids.next();
        conversations.create(tx, id, now);
        return id;
    }
}
