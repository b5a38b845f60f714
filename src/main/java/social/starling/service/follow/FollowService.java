package social.starling.service.follow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.RelationshipRepository;
import social.starling.db.Tx;
import social.starling.errors.ForbiddenException;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.Follow;
import social.starling.model.IdGenerator;
import social.starling.model.LocalUris;
import social.starling.service.account.AccountChanges;
import social.starling.service.outbox.Outbox;
import social.starling.service.timeline.HomeFeedService;

/**
 * Following: a follow of an unlocked account takes effect at once (their recent statuses merge into the home
 * feed, they are notified); of a locked account it becomes a follow request the target authorizes or rejects.
 * Following again updates the options (reblogs, notify, languages). Unfollowing takes their statuses out of the feed.
 */
public final class FollowService {
    public record Options(Boolean reblogs, Boolean notifyPosts, List<String> languages) {
        public static final Options DEFAULT = new Options(null, null, null);
    }

    private final Database db;
    private final AccountRepository accounts;
    private final RelationshipRepository relationships;
    private final HomeFeedService home;
    private final Outbox outbox;
    private final AccountChanges changes;
    private final IdGenerator ids;
    private final LocalUris uris;
    private final Clock clock;

    public FollowService(Database db, AccountRepository accounts, RelationshipRepository relationships,
                         HomeFeedService home, Outbox outbox, AccountChanges changes, IdGenerator ids,
                         LocalUris uris, Clock clock) {
        this.uris = uris;
        this.db = db;
        this.accounts = accounts;
        this.relationships = relationships;
        this.home = home;
        this.outbox = outbox;
        this.changes = changes;
        this.ids = ids;
        this.clock = clock;
    }

    public void follow(long followerId, long targetId, Options options) {
        db.inTransaction(tx -> {
            Account target = accounts.find(tx, targetId).filter(a -> !a.suspended())
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            if (followerId == targetId || relationships.blocks(tx, followerId, targetId)
                    || relationships.blocks(tx, targetId, followerId)) {
                throw new ForbiddenException("This action is not allowed");
            }
            Instant now = clock.instant();
            Optional<Follow> existing = relationships.findFollow(tx, followerId, targetId);
            if (existing.isPresent()) {
                Follow f = existing.get();
                relationships.updateFollow(tx, f.id(), options.reblogs() != null ? options.reblogs() : f.showReblogs(),
                        options.notifyPosts() != null ? options.notifyPosts() : f.notifyPosts(),
                        options.languages() != null ? options.languages() : f.languages());
                return null;
            }
            long id = ids.next();
            // A remote target answers with Accept or Reject: until then the follow is a request (Mastodon shows
            // "requested" too). Its Follow activity's id is ours, so the answer and a later Undo can name it.
            String uri = target.isLocal() ? null : uris.follow(id);
            Follow f = new Follow(id, followerId, targetId,
                    options.reblogs() == null || options.reblogs(), options.notifyPosts() != null && options.notifyPosts(),
                    options.languages() == null ? List.of() : options.languages(), uri, now);
            if (target.locked() || !target.isLocal()) {
                if (relationships.findRequest(tx, followerId, targetId).isEmpty()) {
                    relationships.insertRequest(tx, f);
                    outbox.followRequested(tx, f);
                }
                return null;
            }
            start(tx, f, false);
            return null;
        });
    }

    /**
     * A remote actor's {@code Follow} (activity id {@code uri}) of a local member: a request if the member is
     * locked, else a follow at once (the outbox answers with Accept). Following again re-sends the Accept, as
     * Mastodon does, since the first one may have been lost. Blocked either way: refused (the outbox rejects).
     */
    public void followFromRemote(long followerId, long targetId, String uri) {
        db.inTransaction(tx -> {
            Account target = accounts.find(tx, targetId).filter(a -> a.isLocal() && !a.suspended())
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            Instant now = clock.instant();
            Follow f = new Follow(ids.next(), followerId, targetId, true, false, List.of(), uri, now);
            if (relationships.blocks(tx, targetId, followerId) || relationships.blocks(tx, followerId, targetId)) {
                outbox.followRequestClosed(tx, f, true);
                return null;
            }
            Optional<Follow> existing = relationships.findFollow(tx, followerId, targetId);
            if (existing.isPresent()) {
                outbox.followReaccepted(tx, existing.get(), uri);
                return null;
            }
            if (target.locked()) {
                if (relationships.findRequest(tx, followerId, targetId).isEmpty()) {
                    relationships.insertRequest(tx, f);
                    outbox.followRequested(tx, f);
                }
                return null;
            }
            start(tx, f, false);
            return null;
        });
    }

    /** A remote target's {@code Accept} of a local member's pending request; nothing if there is none. */
    public void acceptedByRemote(long followerId, long targetId) {
        db.inTransaction(tx -> {
            Optional<Follow> request = relationships.findRequest(tx, followerId, targetId);
            if (request.isEmpty()) {
                return null;
            }
            relationships.deleteRequest(tx, followerId, targetId);
            if (relationships.findFollow(tx, followerId, targetId).isEmpty()) {
                Follow r = request.get();
                start(tx, new Follow(ids.next(), followerId, targetId, r.showReblogs(), r.notifyPosts(),
                        r.languages(), r.uri(), clock.instant()), true);
            }
            return null;
        });
    }

    /** A remote target's {@code Reject}: ends the pending request, or the follow if it had been accepted. */
    public void rejectedByRemote(long followerId, long targetId) {
        db.inTransaction(tx -> {
            relationships.findRequest(tx, followerId, targetId).ifPresent(r -> {
                relationships.deleteRequest(tx, followerId, targetId);
                outbox.followRequestClosed(tx, r, true);
            });
            end(tx, followerId, targetId, true);
            return null;
        });
    }

    private void start(Tx tx, Follow f, boolean accepted) {
        relationships.insertFollow(tx, f);
        accounts.countFollow(tx, f.accountId(), f.targetAccountId(), 1);
        outbox.followed(tx, f, accepted);
        home.mergeInto(tx, f.accountId(), f.targetAccountId());
        changes.changed(tx, f.accountId());
        changes.changed(tx, f.targetAccountId());
    }

    /** Ends a follow, or withdraws a pending request. */
    public void unfollow(long followerId, long targetId) {
        db.inTransaction(tx -> {
            accounts.find(tx, targetId).orElseThrow(() -> new NotFoundException("Record not found"));
            end(tx, followerId, targetId, false);
            relationships.findRequest(tx, followerId, targetId).ifPresent(r -> {
                relationships.deleteRequest(tx, followerId, targetId);
                outbox.followRequestClosed(tx, r, false);
            });
            return null;
        });
    }

    /**
     * The target ends {@code followerId}'s follow of them (a block; Mastodon's remove_from_followers), or rejects
     * their pending request.
     */
    public void removeFollower(long targetId, long followerId) {
        db.inTransaction(tx -> {
            end(tx, followerId, targetId, true);
            relationships.findRequest(tx, followerId, targetId).ifPresent(r -> {
                relationships.deleteRequest(tx, followerId, targetId);
                outbox.followRequestClosed(tx, r, true);
            });
            return null;
        });
    }

    /**
     * {@code POST /api/v1/accounts/:id/remove_from_followers}: the target ends {@code followerId}'s follow of them
     * (a remote follower is sent a Reject of its Follow, as RemoveFromFollowersService does); a pending request
     * stays. 404 for an unknown account.
     */
    public void removeFromFollowers(long targetId, long followerId) {
        db.inTransaction(tx -> {
            accounts.find(tx, followerId).orElseThrow(() -> new NotFoundException("Record not found"));
            end(tx, followerId, targetId, true);
            return null;
        });
    }

    private void end(Tx tx, long followerId, long targetId, boolean byTarget) {
        Optional<Follow> follow = relationships.findFollow(tx, followerId, targetId);
        if (follow.isPresent() && relationships.deleteFollow(tx, followerId, targetId)) {
            accounts.countFollow(tx, followerId, targetId, -1);
            home.removeAuthor(tx, followerId, targetId);
            // Endorsements need a follow: ending it ends them (Follow#remove_endorsements).
            relationships.deleteEndorsement(tx, followerId, targetId);
            outbox.unfollowed(tx, follow.get(), byTarget);
            changes.changed(tx, followerId);
            changes.changed(tx, targetId);
        }
    }

    /** The target accepts a pending request. 404 if there is none. */
    public void authorize(long targetId, long requesterId) {
        db.inTransaction(tx -> {
            Follow request = relationships.findRequest(tx, requesterId, targetId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            relationships.deleteRequest(tx, requesterId, targetId);
            if (relationships.findFollow(tx, requesterId, targetId).isEmpty()) {
                start(tx, new Follow(ids.next(), requesterId, targetId, request.showReblogs(), request.notifyPosts(),
                        request.languages(), request.uri(), clock.instant()), true);
            } else {
                outbox.followRequestClosed(tx, request, false);
            }
            return null;
        });
    }

    /** The target declines a pending request. 404 if there is none. */
    public void reject(long targetId, long requesterId) {
        db.inTransaction(tx -> {
            Follow request = relationships.findRequest(tx, requesterId, targetId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            relationships.deleteRequest(tx, requesterId, targetId);
            outbox.followRequestClosed(tx, request, true);
            return null;
        });
    }
}
