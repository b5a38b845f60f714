package social.starling.service.follow;

import java.time.Clock;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.RelationshipRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.IdGenerator;

/**
 * Endorsing ("featuring on your profile", Mastodon's AccountPin): only an account one follows may be endorsed
 * (AccountPin#validate_follow_relationship, 422); endorsing twice is a no-op; unendorsing what is not endorsed too.
 * Unfollowing ends the endorsement (FollowService).
 */
public final class EndorseService {
    static final String NOT_FOLLOWING = "Validation failed: You must be already following the person you want to "
            + "endorse";

    private final Database db;
    private final AccountRepository accounts;
    private final RelationshipRepository relationships;
    private final IdGenerator ids;
    private final Clock clock;

    public EndorseService(Database db, AccountRepository accounts, RelationshipRepository relationships,
                          IdGenerator ids, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.relationships = relationships;
        this.ids = ids;
        this.clock = clock;
    }

    public void endorse(long viewerId, long targetId) {
        db.inTransaction(tx -> {
            accounts.find(tx, targetId).orElseThrow(() -> new NotFoundException("Record not found"));
            if (relationships.endorsedAmong(tx, viewerId, java.util.List.of(targetId)).contains(targetId)) {
                return null;
            }
            if (!relationships.follows(tx, viewerId, targetId)) {
                throw new UnprocessableException(NOT_FOLLOWING);
            }
            relationships.insertEndorsement(tx, ids.next(), viewerId, targetId, clock.instant());
            return null;
        });
    }

    public void unendorse(long viewerId, long targetId) {
        db.inTransaction(tx -> {
            accounts.find(tx, targetId).orElseThrow(() -> new NotFoundException("Record not found"));
            relationships.deleteEndorsement(tx, viewerId, targetId);
            return null;
        });
    }
}
