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
    private final Clock clock;

    public FollowService(Database db, AccountRepository accounts, RelationshipRepository relationships,
                         HomeFeedService home, Outbox outbox, AccountChanges changes, IdGenerator ids,
                         Clock clock) {
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
            Follow f = new Follow(ids.next(), followerId, targetId,
                    options.reblogs() == null || options.reblogs(), options.notifyPosts() != null && options.notifyPosts(),
                    options.languages() == null ? List.of() : options.languages(), null, now);
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
            if (relationships.deleteFollow(tx, followerId, targetId)) {
                accounts.countFollow(tx, followerId, targetId, -1);
                home.removeAuthor(tx, followerId, targetId);
                outbox.unfollowed(tx, followerId, targetId);
                changes.changed(tx, followerId);
                changes.changed(tx, targetId);
            }
            if (relationships.deleteRequest(tx, followerId, targetId)) {
                outbox.followRequestClosed(tx, followerId, targetId, false);
            }
            return null;
        });
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
                outbox.followRequestClosed(tx, requesterId, targetId, false);
            }
            return null;
        });
    }

    /** The target declines a pending request. 404 if there is none. */
    public void reject(long targetId, long requesterId) {
        db.inTransaction(tx -> {
            if (!relationships.deleteRequest(tx, requesterId, targetId)) {
                throw new NotFoundException("Record not found");
            }
            outbox.followRequestClosed(tx, requesterId, targetId, true);
            return null;
        });
    }
}
