package social.starling.service.visibility;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import social.starling.db.Database;
import social.starling.db.RelationshipRepository;
import social.starling.db.Tx;
import java.time.Instant;

/**
 * Each viewer's {@link Relations}, cached: timelines check them for every status. Changing a block or domain block
 * evicts both sides on every node (an {@code AccountChanged} event); a mute evicts the muter on this node only.
 * Entries live 30 seconds, which bounds staleness across nodes.
 */
public final class RelationsCache {
    private final Database db;
    private final RelationshipRepository relationships;
    private final Clock clock;
    private final Cache<Long, Relations> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(100_000).build();

    public RelationsCache(Database db, RelationshipRepository relationships, Clock clock) {
        this.db = db;
        this.relationships = relationships;
        this.clock = clock;
    }

    public Relations of(Long viewerId) {
        if (viewerId == null) {
            return Relations.none(-1);
        }
        return cache.get(viewerId, id -> db.read(tx -> load(tx, relationships, id, clock.instant())));
    }

    /** One account's relations as the transaction sees them, uncached (for writers deciding inside it). */
    public static Relations load(Tx tx, RelationshipRepository relationships, long accountId, Instant now) {
        return new Relations(accountId, relationships.blockedBy(tx, accountId),
                relationships.blockersOf(tx, accountId), relationships.mutedBy(tx, accountId, now),
                relationships.blockedDomains(tx, accountId));
    }

    public void evict(long accountId) {
        cache.invalidate(accountId);
    }
}
