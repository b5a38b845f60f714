package social.starling.federation.outbox;

import social.starling.db.ReportRepository;
import social.starling.federation.vocab.Flag;
import social.starling.model.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import social.starling.convert.ActivityMapper;
import social.starling.convert.ActorMapper;
import social.starling.convert.QuoteActivityMapper;
import social.starling.db.AccountRepository;
import social.starling.db.DeliveryRepository;
import social.starling.db.PollRepository;
import social.starling.db.QuoteRepository;
import social.starling.db.StatusRepository;
import social.starling.db.Tx;
import social.starling.federation.outbox.FederateHandler.Outgoing;
import social.starling.federation.vocab.Activity;
import social.starling.federation.vocab.As2;
import social.starling.model.Account;
import social.starling.model.Poll;
import social.starling.model.Quote;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.model.federation.LocalNote;
import social.starling.model.federation.LocalPost;
import social.starling.service.federation.LocalPostLoader;

/**
 * A {@link Federate} job → the activities to send and their inboxes, as Mastodon addresses them: a status to its
 * author's followers, the accounts it mentions and the author it replies to (a direct one to the mentioned only);
 * a reblog to the reblogger's followers and the original's author; a Delete to everyone the status reached; a
 * profile update to the followers; Like, Follow, Accept, Reject, Block, their Undos and votes to the one actor
 * concerned, at its own inbox. FEP-044f as Mastodon 4.5: a note quoting a remote status is followed by a
 * QuoteRequest to the quoted author; the answer to a remote QuoteRequest goes to the requester; the Delete of a
 * revoked QuoteAuthorization to the quoted author's followers and the quoting author (or their followers, when
 * local). The acting account must be
 * local; nothing is sent when what it concerns is gone.
 */
public final class OutgoingActivities {
    private final AccountRepository accounts;
    private final StatusRepository statuses;
    private final PollRepository polls;
    private final DeliveryRepository deliveries;
    private final LocalPostLoader posts;
    private final ActivityMapper mapper;
    private final ActorMapper actors;
    private final AudienceResolver audience;
    private final QuoteRepository quotes;
    private final QuoteActivityMapper quoteMapper;
    private final ReportRepository reports;

    public OutgoingActivities(AccountRepository accounts, StatusRepository statuses, PollRepository polls,
                              DeliveryRepository deliveries, LocalPostLoader posts, ActivityMapper mapper,
                              ActorMapper actors, AudienceResolver audience, QuoteRepository quotes,
                              QuoteActivityMapper quoteMapper, ReportRepository reports) {
        this.reports = reports;
        this.quotes = quotes;
        this.quoteMapper = quoteMapper;
        this.accounts = accounts;
        this.statuses = statuses;
        this.polls = polls;
        this.deliveries = deliveries;
        this.posts = posts;
        this.mapper = mapper;
        this.actors = actors;
        this.audience = audience;
    }

    public List<Outgoing> render(Tx tx, Federate job) {
        Optional<Account> actor = accounts.find(tx, job.actorId()).filter(Account::isLocal);
        if (actor.isEmpty()) {
            return List.of();
        }
        Account me = actor.get();
        return switch (job.kind()) {
            case CREATE, UPDATE_NOTE -> note(tx, job, me);
            case ANNOUNCE -> announce(tx, job);
            case UNDO_ANNOUNCE -> undoAnnounce(tx, job, me);
            case DELETE -> one(me, mapper.delete(me, job.uri()), followersUnlessDirect(tx, me, job.visibility())
                    .accounts(job.accountIds()));
            case LIKE, UNDO_LIKE -> statuses.find(tx, job.statusId()).filter(s -> !s.local())
                    .map(s -> one(me, job.kind() == Federate.Kind.LIKE ? mapper.like(me, s.uri(), s.id())
                            : mapper.undoLike(me, s.uri(), s.id()), audience.builder(tx).actor(s.accountId())))
                    .orElse(List.of());
            case FOLLOW, UNDO_FOLLOW, ACCEPT_FOLLOW, REJECT_FOLLOW, BLOCK, UNDO_BLOCK -> toActor(tx, job, me);
            case UPDATE_ACTOR -> one(me, mapper.updateActor(me, actors.toActor(me), me.updatedAt()),
                    audience.builder(tx).followersOf(me.id()));
            case DELETE_ACTOR -> one(me, mapper.deleteActor(me), audience.builder(tx).followersOf(me.id()));
            case VOTE -> votes(tx, job, me);
            case ACCEPT_QUOTE, REJECT_QUOTE, DELETE_QUOTE_AUTHORIZATION -> quoteAnswer(tx, job, me);
            case FLAG -> flag(tx, job, me);
        };
    }

    /**
     * A note goes to the author's followers (unless direct), the accounts it mentions and the author replied to. Where
     * none of them is remote (most posts on a server whose members follow each other), the post is neither loaded
     * nor rendered: only a pending quote of a remote status still asks its author's server.
     */
    private List<Outgoing> note(Tx tx, Federate job, Account me) {
        Optional<Status> status = statuses.find(tx, job.statusId())
                .filter(s -> s.local() && !s.isReblog() && s.accountId() == me.id());
        if (status.isEmpty()) {
            return List.of();
        }
        Status s = status.get();
        AudienceResolver.Builder to = followersUnlessDirect(tx, me, s.visibility().name())
                .accounts(posts.mentionedAccountIds(tx, s.id()));
        if (s.inReplyToAccountId() != null && s.visibility() != Visibility.DIRECT) {
            to.accounts(List.of(s.inReplyToAccountId()));
        }
        List<String> inboxes = to.inboxes();
        List<Outgoing> out = new ArrayList<>();
        if (!inboxes.isEmpty()) {
            List<LocalPost> loaded = posts.load(tx, List.of(s));
            if (loaded.isEmpty() || !(loaded.getFirst() instanceof LocalNote note)) {
                return List.of();
            }
            Activity activity = job.kind() == Federate.Kind.CREATE ? mapper.toActivity(note) : mapper.update(note);
            out.add(new Outgoing(me.id(), As2.write(activity), inboxes));
        }
        if (job.kind() == Federate.Kind.CREATE) {
            quoteRequest(tx, me, s).ifPresent(out::add);
        }
        return out;
    }

    /** Mastodon's QuoteRequestWorker: a pending quote of a remote status asks its author's server for approval. */
    private Optional<Outgoing> quoteRequest(Tx tx, Account me, Status s) {
        Optional<Quote> quote = quotes.ofStatus(tx, s.id())
                .filter(q -> q.state() == Quote.State.PENDING && q.activityUri() != null && q.quotedStatusId() != null);
        Optional<Status> quoted = quote.flatMap(q -> statuses.find(tx, q.quotedStatusId())).filter(q -> !q.local());
        if (quoted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Outgoing(me.id(), As2.write(quoteMapper.request(me, quote.get().activityUri(),
                quoted.get().uri(), s.uri())), audience.builder(tx).actor(quoted.get().accountId()).inboxes()));
    }

    /**
     * The answer to a remote QuoteRequest for {@code me}'s status (Accept with the authorization, or Reject), or the
     * Delete of the authorization once revoked. Nothing when the quote or its statuses are gone.
     */
    /** A forwarded report: the target and the reported statuses, to the target's inbox, from the instance actor. */
    private List<Outgoing> flag(Tx tx, Federate job, Account me) {
        Optional<Report> report = reports.find(tx, job.objectId()).filter(Report::forwarded);
        Optional<Account> target = accounts.find(tx, job.targetId()).filter(a -> !a.isLocal());
        if (report.isEmpty() || target.isEmpty()) {
            return List.of();
        }
        List<String> object = new ArrayList<>();
        object.add(target.get().uri());
        statuses.findAll(tx, report.get().statusIds()).values().stream()
                .filter(s -> s.accountId() == target.get().id()).map(Status::uri).forEach(object::add);
        Flag flag = new Flag(As2.CONTEXT, me.uri() + "#reports/" + report.get().id(), "Flag", me.uri(),
                report.get().comment(), object);
        return List.of(new Outgoing(me.id(), As2.write(flag), audience.builder(tx).actor(target.get().id())
                .inboxes()));
    }

    private List<Outgoing> quoteAnswer(Tx tx, Federate job, Account me) {
        Optional<Quote> found = quotes.find(tx, job.objectId()).filter(q -> q.quotedAccountId() != null
                && q.quotedAccountId() == me.id() && q.quotedStatusId() != null);
        Optional<Account> quoter = found.flatMap(q -> accounts.find(tx, q.accountId()));
        Optional<Status> quoting = found.flatMap(q -> statuses.find(tx, q.statusId()));
        Optional<Status> quoted = found.flatMap(q -> statuses.find(tx, q.quotedStatusId()));
        if (quoter.isEmpty() || quoting.isEmpty() || quoted.isEmpty()) {
            return List.of();
        }
        Quote q = found.get();
        if (job.kind() == Federate.Kind.DELETE_QUOTE_AUTHORIZATION) {
            if (q.approvalUri() == null) {
                return List.of();
            }
            // Mastodon's RevokeQuoteService: wherever the quoting and the quoted status reached.
            AudienceResolver.Builder to = audience.builder(tx).followersOf(me.id());
            return one(me, quoteMapper.deleteAuthorization(me, q.approvalUri()), quoter.get().isLocal()
                    ? to.followersOf(quoter.get().id()) : to.actor(quoter.get().id()));
        }
        if (quoter.get().isLocal() || q.activityUri() == null) {
            return List.of();
        }
        boolean accept = job.kind() == Federate.Kind.ACCEPT_QUOTE;
        return List.of(new Outgoing(me.id(), As2.write(quoteMapper.answer(accept, me, q.id(), quoter.get(),
                q.activityUri(), quoted.get().uri(), quoting.get().uri())),
                audience.builder(tx).actor(quoter.get().id()).inboxes()));
    }

    private List<Outgoing> announce(Tx tx, Federate job) {
        Optional<Status> reblog = statuses.find(tx, job.statusId()).filter(s -> s.local() && s.isReblog());
        if (reblog.isEmpty()) {
            return List.of();
        }
        List<LocalPost> loaded = posts.load(tx, List.of(reblog.get()));
        if (loaded.isEmpty()) {
            return List.of();
        }
        Account me = accounts.require(tx, job.actorId());
        Status original = ((social.starling.model.federation.LocalReblog) loaded.getFirst()).original();
        return one(me, mapper.toActivity(loaded.getFirst()),
                audience.builder(tx).followersOf(me.id()).accounts(List.of(original.accountId())));
    }

    private List<Outgoing> undoAnnounce(Tx tx, Federate job, Account me) {
        Optional<Status> original = statuses.find(tx, job.objectId());
        Optional<Account> originalAuthor = original.flatMap(o -> accounts.find(tx, o.accountId()));
        if (originalAuthor.isEmpty()) {
            return List.of();
        }
        Activity announce = mapper.announce(me, job.uri(), Visibility.valueOf(job.visibility()), null,
                originalAuthor.get(), original.get().uri());
        return one(me, mapper.undoAnnounce(me, job.statusId(), announce),
                audience.builder(tx).followersOf(me.id()).accounts(List.of(originalAuthor.get().id())));
    }

    private List<Outgoing> toActor(Tx tx, Federate job, Account me) {
        Optional<Account> other = accounts.find(tx, job.targetId()).filter(a -> !a.isLocal());
        if (other.isEmpty()) {
            return List.of();
        }
        Account them = other.get();
        long objectId = job.objectId();
        Activity activity = switch (job.kind()) {
            case FOLLOW -> mapper.follow(me, job.uri(), them);
            case UNDO_FOLLOW -> mapper.undoFollow(me, objectId, job.uri(), them);
            case ACCEPT_FOLLOW -> mapper.acceptFollow(me, objectId, job.uri(), them);
            case REJECT_FOLLOW -> mapper.rejectFollow(me, objectId, job.uri(), them);
            case BLOCK -> mapper.block(me, objectId, them);
            case UNDO_BLOCK -> mapper.undoBlock(me, objectId, them);
            default -> throw new IllegalArgumentException(job.kind().name());
        };
        return one(me, activity, audience.builder(tx).actor(them.id()));
    }

    /** Mastodon sends one Create(Note) per chosen option (VoteService → VoteSerializer), to the poll's author. */
    private List<Outgoing> votes(Tx tx, Federate job, Account me) {
        Optional<Status> pollStatus = statuses.find(tx, job.statusId()).filter(s -> !s.local() && s.pollId() != null);
        Optional<Poll> poll = pollStatus.flatMap(s -> polls.find(tx, s.pollId()));
        Optional<Account> author = pollStatus.flatMap(s -> accounts.find(tx, s.accountId()));
        if (poll.isEmpty() || author.isEmpty()) {
            return List.of();
        }
        Map<Integer, Long> votes = deliveries.votes(tx, poll.get().id(), me.id());
        List<String> inboxes = audience.builder(tx).actor(author.get().id()).inboxes();
        List<Outgoing> out = new ArrayList<>();
        for (int choice : job.choices()) {
            Long voteId = votes.get(choice);
            if (voteId != null && choice >= 0 && choice < poll.get().options().size()) {
                out.add(new Outgoing(me.id(), As2.write(mapper.vote(me, voteId, poll.get().options().get(choice),
                        author.get(), pollStatus.get().uri())), inboxes));
            }
        }
        return out;
    }

    private AudienceResolver.Builder followersUnlessDirect(Tx tx, Account me, String visibility) {
        AudienceResolver.Builder to = audience.builder(tx);
        return Visibility.DIRECT.name().equals(visibility) ? to : to.followersOf(me.id());
    }

    /** The activity for its inboxes; not rendered when there are none ({@link FederateHandler} sends nothing then). */
    private static List<Outgoing> one(Account signer, Activity activity, AudienceResolver.Builder to) {
        List<String> inboxes = to.inboxes();
        return List.of(new Outgoing(signer.id(), inboxes.isEmpty() ? "" : As2.write(activity), inboxes));
    }
}
