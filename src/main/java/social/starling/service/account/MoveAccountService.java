package social.starling.service.account;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.Database;
import social.starling.db.InboxRepository;
import social.starling.db.RelationshipRepository;
import social.starling.errors.StarlingException;
import social.starling.model.Follow;
import social.starling.service.follow.FollowService;

/**
 * A remote account moved to another ({@code Move}): Mastodon's activitypub/activity/move.rb and MoveWorker. The old
 * account is marked moved, and each local follower of it follows the new account (with the same options; a request
 * if the new account is remote or locked) and stops following the old one. Whether the move is genuine (the new
 * account lists the old one in {@code alsoKnownAs}) is the caller's check, at the edge. Not carried over yet, unlike
 * Mastodon: blocks, mutes and list memberships of the old account.
 */
public final class MoveAccountService {
    private static final Logger log = LoggerFactory.getLogger(MoveAccountService.class);

    private final Database db;
    private final InboxRepository inbox;
    private final RelationshipRepository relationships;
    private final FollowService follows;
    private final AccountChanges changes;

    public MoveAccountService(Database db, InboxRepository inbox, RelationshipRepository relationships,
                              FollowService follows, AccountChanges changes) {
        this.db = db;
        this.inbox = inbox;
        this.relationships = relationships;
        this.follows = follows;
        this.changes = changes;
    }

    /** Idempotent: a second Move to the same account finds no followers left to move. */
    public void move(long fromId, long toId) {
        List<Long> followers = db.inTransaction(tx -> {
            inbox.setMovedTo(tx, fromId, toId);
            changes.changed(tx, fromId);
            return inbox.localFollowerIds(tx, fromId);
        });
        for (long follower : followers) {
            Optional<Follow> old = db.read(tx -> relationships.findFollow(tx, follower, fromId));
            if (old.isEmpty() || follower == toId) {
                continue;
            }
            try {
                follows.follow(follower, toId, new FollowService.Options(old.get().showReblogs(),
                        old.get().notifyPosts(), old.get().languages()));
                follows.unfollow(follower, fromId);
            } catch (StarlingException e) {
                // A block between them, or the new account suspended: the follower keeps the old follow.
                log.debug("not moving {}'s follow of {} to {}: {}", follower, fromId, toId, e.getMessage());
            }
        }
    }
}
