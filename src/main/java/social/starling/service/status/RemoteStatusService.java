package social.starling.service.status;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.ConversationRepository;
import social.starling.db.Database;
import social.starling.db.PollRepository;
import social.starling.db.QuoteRepository;
import social.starling.db.StatusRepository;
import social.starling.db.Tx;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.IdGenerator;
import social.starling.model.Quote;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.model.federation.RemoteNote;
import social.starling.service.interaction.ReblogService;

/**
 * The database side of remote notes (federation/note turns AS2 into {@link RemoteNote} and checks origins; this
 * class only sees model types). New ones go through {@link StatusWriter#create}, the one write path, so a remote
 * status reaches local followers' home feeds, hashtag timelines and followers, the public timelines and the
 * mentioned people's notifications exactly as a local one does (the {@code status.distribute} job reaches local
 * accounts only). Deletions go through {@link DeleteStatusService} and {@link ReblogService#unreblog}.
 *
 * <p>A reply whose parent is not stored keeps the parent's id ({@code in_reply_to_uri}); when that parent is
 * stored later, the replies waiting for it are linked to it ({@link #create}), as Mastodon's ThreadResolveWorker.
 */
public final class RemoteStatusService {
    /** Replies waiting for one parent linked at once; more wait for the next time (they are rare). */
    static final int LINK_LIMIT = 200;

    private final Database db;
    private final StatusRepository statuses;
    private final AccountRepository accounts;
    private final ConversationRepository conversations;
    private final PollRepository polls;
    private final StatusWriter writer;
    private final DeleteStatusService deletes;
    private final ReblogService reblogs;
    private final QuoteRepository quotes;
    private final StatusMedia media;
    private final IdGenerator ids;
    private final Clock clock;

    public RemoteStatusService(Database db, StatusRepository statuses, AccountRepository accounts,
                               ConversationRepository conversations, PollRepository polls, StatusWriter writer,
                               DeleteStatusService deletes, ReblogService reblogs, QuoteRepository quotes,
                               StatusMedia media, IdGenerator ids, Clock clock) {
        this.quotes = quotes;
        this.media = media;
        this.db = db;
        this.statuses = statuses;
        this.accounts = accounts;
        this.conversations = conversations;
        this.polls = polls;
        this.writer = writer;
        this.deletes = deletes;
        this.reblogs = reblogs;
        this.ids = ids;
        this.clock = clock;
    }

    /** An account by id. */
    public Optional<Account> account(long id) {
        return db.read(tx -> accounts.find(tx, id));
    }

    /** Any stored status, local or remote, by its URI. */
    public Optional<Status> findByUri(String uri) {
        return db.read(tx -> statuses.findByUri(tx, uri));
    }

    /** A local status anyone may fetch (public or unlisted, not a reblog), by its URI. */
    public Optional<Status> findLocalPublic(String uri) {
        return findByUri(uri).filter(s -> s.local() && !s.isReblog()
                && (s.visibility() == Visibility.PUBLIC || s.visibility() == Visibility.UNLISTED));
    }

    /** The stored accounts among {@code uris}, by URI (no fetching). */
    public Map<String, Account> knownAccounts(Collection<String> uris) {
        Map<String, Account> out = new LinkedHashMap<>();
        db.read(tx -> {
            for (String uri : uris) {
                accounts.findByUri(tx, uri).ifPresent(a -> out.put(uri, a));
            }
            return null;
        });
        return out;
    }

    /** The parent URI a stored remote reply still waits for. */
    public Optional<String> pendingParent(long statusId) {
        return db.read(tx -> statuses.inReplyToUri(tx, statusId));
    }

    /**
     * Stores {@code note} by {@code author} (checked by the caller), or answers the status already stored under its
     * URI. {@code parent}: the replied-to status if it is stored (else the reply keeps its URI);
     * {@code mentioned}: accounts named by Mention tags; {@code silent}: local accounts only addressed (to/cc),
     * who get access without a notification, as Mastodon's silent mentions.
     */
    public Status create(RemoteNote note, Account author, List<Long> mentioned, List<Long> silent, Status parent) {
        return create(note, author, mentioned, silent, parent, null, false);
    }

    /**
     * @param quoted   the status the note quotes ({@code quote}), when it could be had, else null
     * @param approved whether the quote is approved: a self-quote, or a QuoteAuthorization the quoted author's
     *                 server serves for it (Mastodon's ActivityPub::VerifyQuoteService); else it stays pending
     */
    public Status create(RemoteNote note, Account author, List<Long> mentioned, List<Long> silent, Status parent,
                         Status quoted, boolean approved) {
        return db.inTransaction(tx -> {
            Optional<Status> existing = statuses.findByUri(tx, note.uri());
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = clock.instant();
            Status liveParent = parent == null ? null : statuses.find(tx, parent.id()).orElse(null);
            Long conversation = liveParent == null && note.conversationUri() != null
                    ? Long.valueOf(conversations.findOrCreateByUri(tx, ids, note.conversationUri(), now)) : null;
            RemoteNote.RemotePoll poll = note.poll();
            var newPoll = poll == null ? null : new StatusWriter.NewPoll(
                    poll.options().stream().map(RemoteNote.Option::title).toList(), poll.multiple(), false,
                    poll.endTime());
            Status status = writer.create(tx, new StatusWriter.NewStatus(ids.next(), author, note.uri(), note.url(),
                    note.visibility(), "", note.content(), note.spoilerText(), note.sensitive(), note.language(),
                    liveParent, conversation, null, mentioned, note.hashtags(), newPoll, note.published()));
            for (long id : silent) {
                if (!mentioned.contains(id)) {
                    statuses.insertMention(tx, status.id(), id, true);
                }
            }
            if (status.pollId() != null) {
                RemoteStatusUpdater.writeTallies(polls, tx, status.pollId(), poll, now);
            }
            if (note.attachments() != null && !note.attachments().isEmpty()) {
                media.insertRemote(tx, status.id(), author.id(), note.attachments(), ids, now);
            }
            if (liveParent == null && note.inReplyToUri() != null) {
                statuses.setInReplyToUri(tx, status.id(), note.inReplyToUri());
            }
            linkWaitingReplies(tx, status);
            if (note.quotePolicy() != 0) {
                quotes.setPolicy(tx, status.id(), note.quotePolicy());
            }
            if (note.quoteUri() != null) {
                Status liveQuoted = quoted == null ? null : statuses.find(tx, quoted.id()).orElse(null);
                quotes.insert(tx, new Quote(ids.next(), status.id(), author.id(),
                        liveQuoted == null ? null : liveQuoted.id(), liveQuoted == null ? null : liveQuoted.accountId(),
                        approved && liveQuoted != null ? Quote.State.ACCEPTED : Quote.State.PENDING, null,
                        approved ? note.quoteAuthorizationUri() : null, now), now);
            }
            return status;
        });
    }

    /** Replies stored before {@code parent} arrived become its replies now. */
    private void linkWaitingReplies(Tx tx, Status parent) {
        for (long childId : statuses.awaitingParent(tx, parent.uri(), LINK_LIMIT)) {
            statuses.linkParent(tx, childId, parent);
            statuses.count(tx, parent.id(), StatusRepository.Counter.REPLIES, 1);
        }
    }

    /**
     * {@code Delete} by {@code author} of {@code uri}: their own status (through the delete path: counters, reblogs,
     * notifications) or their own reblog (an Announce's id). Returns whether something was deleted; a status of
     * someone else, a local one or an unknown URI is left alone.
     */
    public boolean delete(Account author, String uri) {
        Optional<Status> found = findByUri(uri).filter(s -> s.accountId() == author.id() && !s.local());
        if (found.isEmpty()) {
            return false;
        }
        Status s = found.get();
        try {
            if (s.isReblog()) {
                reblogs.unreblog(author.id(), s.reblogOfId());
            } else {
                deletes.delete(author.id(), s.id());
            }
        } catch (NotFoundException e) {
            // The reblogged original is not visible to its reblogger any more: the reblog itself is gone all the same.
        }
        return findByUri(uri).isEmpty();
    }
}
