package social.starling.service.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.GraphPagesRepository;
import social.starling.db.RelationshipRepository;
import social.starling.errors.ForbiddenException;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.IdGenerator;
import social.starling.service.visibility.RelationsCache;
import social.starling.service.timeline.HomeFeedService;

/**
 * Muting (Mastodon's MuteService / UnmuteService): a mute hides the account's statuses from feeds (taken out of the
 * home feed at once, filtered everywhere else when read) and, unless asked otherwise, its notifications. A mute
 * may run out: {@code duration} seconds, 0 or none meaning forever. Muting again replaces the options. An expired
 * mute stops applying at once (every reader checks {@code expires_at}); {@link #deleteExpired()} tidies them up.
 * Unmuting someone one follows merges their recent statuses back into the home feed.
 */
public final class MuteService {
    /** Longer than this is surely a mistake (and would overflow the time columns eventually). */
    static final long MAX_DURATION_SECONDS = Duration.ofDays(365L * 100).toSeconds();

    private final Database db;
    private final AccountRepository accounts;
    private final RelationshipRepository relationships;
    private final GraphPagesRepository pages;
    private final HomeFeedService home;
    private final RelationsCache relations;
    private final IdGenerator ids;
    private final Clock clock;

    public MuteService(Database db, AccountRepository accounts, RelationshipRepository relationships,
                       GraphPagesRepository pages, HomeFeedService home, RelationsCache relations, IdGenerator ids,
                       Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.relationships = relationships;
        this.pages = pages;
        this.home = home;
        this.relations = relations;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @param durationSeconds null or 0 for a mute without end; negative or absurdly long is a 422
     */
    public void mute(long viewerId, long targetId, boolean hideNotifications, Long durationSeconds) {
        if (durationSeconds != null && durationSeconds < 0) {
            throw new UnprocessableException("Validation failed: Duration must be greater than or equal to 0");
        }
        if (durationSeconds != null && durationSeconds > MAX_DURATION_SECONDS) {
            throw new UnprocessableException("Validation failed: Duration is too long");
        }
        db.inTransaction(tx -> {
            accounts.find(tx, targetId).orElseThrow(() -> new NotFoundException("Record not found"));
            if (viewerId == targetId) {
                throw new ForbiddenException("This action is not allowed");
            }
            Instant now = clock.instant();
            Instant expiresAt = durationSeconds == null || durationSeconds == 0 ? null
                    : now.plusSeconds(durationSeconds);
            relationships.upsertMute(tx, ids.next(), viewerId, targetId, hideNotifications, expiresAt, now);
            home.removeAuthor(tx, viewerId, targetId);
            tx.afterCommit(() -> relations.evict(viewerId));
            return null;
        });
    }

    public void unmute(long viewerId, long targetId) {
        db.inTransaction(tx -> {
            accounts.find(tx, targetId).orElseThrow(() -> new NotFoundException("Record not found"));
            if (relationships.deleteMute(tx, viewerId, targetId)) {
                // The merge reads the viewer's relations: drop the cached copy that still holds the mute.
                relations.evict(viewerId);
                if (relationships.follows(tx, viewerId, targetId)) {
                    home.mergeInto(tx, viewerId, targetId);
                }
                tx.afterCommit(() -> relations.evict(viewerId));
            }
            return null;
        });
    }

    /** Deletes mutes that have run out; a recurring job. Returns how many. */
    public int deleteExpired() {
        return db.inTransaction(tx -> {
            Instant now = clock.instant();
            List<Long> owners = pages.accountsWithExpiredMutes(tx, now);
            int deleted = pages.deleteExpiredMutes(tx, now);
            tx.afterCommit(() -> owners.forEach(relations::evict));
            return deleted;
        });
    }
}
