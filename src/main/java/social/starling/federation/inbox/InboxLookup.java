package social.starling.federation.inbox;

import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.InboxRepository;
import social.starling.db.StatusRepository;
import social.starling.model.Account;
import social.starling.model.Status;

/** Finding what an inbound activity names: local members and statuses by URI, our own Follow activities. */
public final class InboxLookup {
    private final Database db;
    private final AccountRepository accounts;
    private final StatusRepository statuses;
    private final InboxRepository inbox;
    private final Origins origins;

    public InboxLookup(Database db, AccountRepository accounts, StatusRepository statuses, InboxRepository inbox,
                       Origins origins) {
        this.db = db;
        this.accounts = accounts;
        this.statuses = statuses;
        this.inbox = inbox;
        this.origins = origins;
    }

    public Origins origins() {
        return origins;
    }

    /** A member (not the instance actor, not suspended) by actor URI. */
    public Optional<Account> localAccount(String uri) {
        if (uri == null || !origins.isLocal(uri)) {
            return Optional.empty();
        }
        return db.read(tx -> accounts.findByUri(tx, uri))
                .filter(a -> a.isLocal() && !"Application".equals(a.actorType()) && !a.suspended());
    }

    /** The member {@code uri} names, or the activity is refused. */
    public Account requireLocalAccount(Inbound a, String uri) {
        return localAccount(uri).orElseThrow(() -> a.refuse(uri + " is not a member here"));
    }

    /** A local status by URI. */
    public Optional<Status> localStatus(String uri) {
        if (uri == null || !origins.isLocal(uri)) {
            return Optional.empty();
        }
        return db.read(tx -> statuses.findByUri(tx, uri)).filter(Status::local);
    }

    /** Any stored status by URI. */
    public Optional<Status> status(String uri) {
        return db.read(tx -> statuses.findByUri(tx, uri));
    }

    /** A stored account by URI. */
    public Optional<Account> account(String uri) {
        return db.read(tx -> accounts.findByUri(tx, uri));
    }

    /**
     * The local member whose Follow of {@code targetId} has the activity id {@code uri}: a pending request, else an
     * accepted follow.
     */
    public Optional<Long> followerByOurFollow(long targetId, String uri) {
        return db.read(tx -> inbox.requesterByRequestUri(tx, targetId, uri)
                .or(() -> inbox.followerByFollowUri(tx, targetId, uri)));
    }

    /** Whom {@code followerId} follows (or asked to) with the Follow activity {@code uri}. */
    public Optional<Long> targetOfFollow(long followerId, String uri) {
        return db.read(tx -> inbox.targetByFollowUri(tx, followerId, uri));
    }
}
