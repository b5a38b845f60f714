package social.starling.service.interaction;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.FeedRepository;
import social.starling.db.ReblogRepository;
import social.starling.db.StatusRepository;
import social.starling.db.Tx;
import social.starling.db.UserRepository;
import social.starling.errors.ForbiddenException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.IdGenerator;
import social.starling.model.LocalUris;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.model.view.StatusView;
import social.starling.service.outbox.Outbox;
import social.starling.service.status.StatusViews;

/**
 * {@code POST /api/v1/statuses/:id/reblog} and {@code /unreblog}, as Mastodon's ReblogService and
 * ReblogsController:
 * <ul>
 * <li>a reblog of a reblog reblogs the original; reblogging twice answers the reblog made the first time;</li>
 * <li>what the caller may not see is a 404; a private status may be reblogged only by its author, a direct one by
 *     nobody (StatusPolicy#reblog?): 403 "This action is not allowed";</li>
 * <li>the reblog's visibility: a private original's own (Status#hidden?); otherwise the {@code visibility} asked for,
 *     else the reblogger's default posting visibility. Mastodon does not narrow a public reblog of an unlisted
 *     status, and neither does this (public timelines never show reblogs). {@code direct} is refused (Mastodon's
 *     Status validation: "Visibility is reserved");</li>
 * <li>a reblog is a status row with {@code reblog_of_id}, no content, uri {@code <actor>/statuses/<id>/activity}, in
 *     the original's conversation (so muting either mutes the same thread). It raises the original's reblogs_count
 *     and the reblogger's statuses_count, joins the reblogger's own home feed (unless the original or a reblog of
 *     it is there already, as fan-out does), reaches followers' feeds through {@link StatusJobs#DISTRIBUTE}, and
 *     notifies the original's author;</li>
 * <li>unreblog deletes the caller's reblog (counts down, notification withdrawn, out of the feeds it reached) and
 *     answers the original; with no reblog it just answers the original. The id may name the original or any
 *     reblog of it (Mastodon looks only for a reblog of the id given, so unreblogging through a reblog's id does
 *     nothing there).</li>
 * </ul>
 */
public final class ReblogService {
    private final Database db;
    private final StatusRepository statuses;
    private final ReblogRepository reblogs;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final FeedRepository feeds;
    private final StatusViews views;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final LocalUris uris;
    private final Clock clock;

    public ReblogService(Database db, StatusRepository statuses, ReblogRepository reblogs, AccountRepository accounts,
                         UserRepository users, FeedRepository feeds, StatusViews views, Outbox outbox,
                         IdGenerator ids, LocalUris uris, Clock clock) {
        this.db = db;
        this.statuses = statuses;
        this.reblogs = reblogs;
        this.accounts = accounts;
        this.users = users;
        this.feeds = feeds;
        this.views = views;
        this.outbox = outbox;
        this.ids = ids;
        this.uris = uris;
        this.clock = clock;
    }

    /** @param visibility as the client sent it, or null; returns the reblog (with the original inside). */
    public StatusView reblog(long accountId, long statusId, String visibility) {
        Optional<Visibility> asked = requested(visibility);
        Status original = Targets.content(Targets.visible(views, statusId, accountId));
        if (original.visibility() == Visibility.DIRECT
                || original.visibility() == Visibility.PRIVATE && original.accountId() != accountId) {
            throw new ForbiddenException("This action is not allowed");
        }
        long reblogId = db.inTransaction(tx -> statuses.findReblog(tx, accountId, original.id()).map(Status::id)
                .orElseGet(() -> create(tx, accountId, original, asked)));
        return Targets.visible(views, reblogId, accountId);
    }

    private long create(Tx tx, long accountId, Status original, Optional<Visibility> asked) {
        Instant now = clock.instant();
        Account account = accounts.require(tx, accountId);
        Visibility visibility = original.visibility() == Visibility.PRIVATE ? Visibility.PRIVATE
                : asked.orElseGet(() -> users.find(tx, accountId).flatMap(u -> Visibility.parse(u.defaultPrivacy()))
                        .filter(v -> v != Visibility.DIRECT).orElse(Visibility.PUBLIC));
        long id = ids.next();
        return write(tx, account, original, id, uris.actor(account.username()) + "/statuses/" + id + "/activity",
                visibility, now);
    }

    /**
     * A remote account's reblog: an inbound {@code Announce} whose id is {@code uri}. The same write as a local
     * reblog (counts, distribution to the booster's local followers through the outbox, the original's author
     * notified), idempotent on {@code uri} and on (account, original). Whether the original may be announced and
     * the visibility (from the activity's audience) are the caller's rules, at the edge.
     *
     * @return the reblog's id, or empty when the original is gone
     */
    public Optional<Long> reblogFromRemote(long accountId, long originalId, String uri, Visibility visibility,
                                           Instant createdAt) {
        return db.inTransaction(tx -> {
            Optional<Status> same = statuses.findByUri(tx, uri).or(() -> statuses.findReblog(tx, accountId, originalId));
            if (same.isPresent()) {
                return same.map(Status::id);
            }
            Optional<Status> original = statuses.find(tx, originalId);
            if (original.isEmpty()) {
                return Optional.<Long>empty();
            }
            return Optional.of(write(tx, accounts.require(tx, accountId), original.get(), ids.next(), uri, visibility,
                    createdAt));
        });
    }

    private long write(Tx tx, Account account, Status original, long id, String uri, Visibility visibility,
                       Instant now) {
        long accountId = account.id();
        Status reblog = new Status(id, accountId, uri, null, account.isLocal(), visibility, "", "", "", false, null,
                null, null, original.id(), original.conversationId(), null, null, 0, 0, 0, 0, null, now);
        if (!reblogs.insert(tx, reblog)) {
            // A concurrent request made it first: answer that one.
            return statuses.findReblog(tx, accountId, original.id()).orElseThrow().id();
        }
        statuses.count(tx, original.id(), StatusRepository.Counter.REBLOGS, 1);
        accounts.countStatus(tx, accountId, 1, now);
        if (account.isLocal() && !feeds.isStale(tx, accountId)
                && !feeds.holdsStatusOrReblogOf(tx, accountId, original.id())) {
            feeds.insert(tx, accountId, id, accountId, original.id(), original.accountId());
        }
        outbox.reblogged(tx, reblog, original);
        return id;
    }

    /** Returns the original, as the caller now sees it. */
    public StatusView unreblog(long accountId, long statusId) {
        long originalId = Targets.originalId(db, statuses, statusId);
        db.inTransaction(tx -> {
            Optional<Status> mine = statuses.findReblog(tx, accountId, originalId);
            if (mine.isEmpty()) {
                return null;
            }
            Instant now = clock.instant();
            feeds.removeFromAuthorAndFollowers(tx, accountId, mine.get().id());
            statuses.delete(tx, mine.get().id());
            statuses.count(tx, originalId, StatusRepository.Counter.REBLOGS, -1);
            accounts.countStatus(tx, accountId, -1, now);
            statuses.find(tx, originalId).ifPresent(o -> outbox.unreblogged(tx, mine.get(), o));
            return null;
        });
        return Targets.visible(views, originalId, accountId);
    }

    private static Optional<Visibility> requested(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Visibility v = Visibility.parse(raw)
                .orElseThrow(() -> new UnprocessableException("Validation failed: Visibility is not included in the list"));
        if (v == Visibility.DIRECT) {
            throw new UnprocessableException("Validation failed: Visibility is reserved");
        }
        return Optional.of(v);
    }
}
