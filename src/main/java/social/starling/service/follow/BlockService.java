package social.starling.service.follow;

import java.time.Clock;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.NotificationRepository;
import social.starling.db.RelationshipRepository;
import social.starling.errors.ForbiddenException;
import social.starling.errors.NotFoundException;
import social.starling.model.IdGenerator;
import social.starling.service.account.AccountChanges;
import social.starling.service.outbox.Outbox;
import social.starling.service.timeline.HomeFeedService;

/**
 * Blocking (Mastodon's BlockService and AfterBlockService): the block ends follows in both directions (with their
 * counts and list memberships) and pending requests both ways, takes each side's statuses out of the other's home
 * feed, and clears the notifications the blocked account caused the blocker. Blocking again changes nothing.
 */
public final class BlockService {
    private final Database db;
    private final AccountRepository accounts;
    private final RelationshipRepository relationships;
    private final NotificationRepository notifications;
    private final FollowService follows;
    private final HomeFeedService home;
    private final Outbox outbox;
    private final AccountChanges changes;
    private final IdGenerator ids;
    private final Clock clock;

    public BlockService(Database db, AccountRepository accounts, RelationshipRepository relationships,
                        NotificationRepository notifications, FollowService follows, HomeFeedService home,
                        Outbox outbox, AccountChanges changes, IdGenerator ids, Clock clock) {
        this.outbox = outbox;
        this.db = db;
        this.accounts = accounts;
        this.relationships = relationships;
        this.notifications = notifications;
        this.follows = follows;
        this.home = home;
        this.changes = changes;
        this.ids = ids;
        this.clock = clock;
    }

    /** 404 for an unknown account, 403 "This action is not allowed" for oneself. */
    public void block(long blockerId, long targetId) {
        db.inTransaction(tx -> {
            accounts.find(tx, targetId).orElseThrow(() -> new NotFoundException("Record not found"));
            if (blockerId == targetId) {
                throw new ForbiddenException("This action is not allowed");
            }
            relationships.insertBlock(tx, ids.next(), blockerId, targetId, clock.instant());
            // Joins this transaction: ends the follow or withdraws the request, in each direction.
            follows.unfollow(blockerId, targetId);
            follows.removeFollower(blockerId, targetId);
            home.removeAuthor(tx, blockerId, targetId);
            home.removeAuthor(tx, targetId, blockerId);
            notifications.deleteAllFrom(tx, blockerId, targetId);
            outbox.blocked(tx, blockerId, targetId);
            changes.changed(tx, blockerId);
            changes.changed(tx, targetId);
            return null;
        });
    }

    /** Lifts a block; what it ended (follows, feed entries) does not come back, as on Mastodon. */
    public void unblock(long blockerId, long targetId) {
        db.inTransaction(tx -> {
            accounts.find(tx, targetId).orElseThrow(() -> new NotFoundException("Record not found"));
            if (relationships.blocks(tx, blockerId, targetId)) {
                outbox.unblocked(tx, blockerId, targetId); // while the row exists: the Undo names the Block's id
                relationships.deleteBlock(tx, blockerId, targetId);
                changes.changed(tx, blockerId);
                changes.changed(tx, targetId);
            }
            return null;
        });
    }
}
