package social.starling.federation.signature;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers actor keys by key id in front of a slower resolver (the database, then a remote fetch), so verifying an
 * inbound request usually costs no I/O. Answers from memory are marked {@link ActorKey#cached()}, which lets
 * {@link SignatureVerifier} ask again with {@code refresh} when such a key fails.
 *
 * <p>A refresh goes to the origin resolver unless this key was loaded less than {@code minRefreshInterval} ago:
 * then the copy in hand is as fresh as a refetch would be, and a stranger sending bad signatures under someone's
 * key id cannot make Starling fetch that key over and over. Misses are not remembered, so a new actor's key is
 * found as soon as it exists. Each node has its own cache; entries live at most {@code ttl}.
 */
public final class KeyCache implements KeyResolver {
    private record Entry(ActorKey key, Instant loadedAt) {
    }

    private final KeyResolver origin;
    private final Clock clock;
    private final Duration minRefreshInterval;
    private final Cache<String, Entry> entries;

    public KeyCache(KeyResolver origin, Clock clock, Duration ttl, long maxEntries, Duration minRefreshInterval) {
        this.origin = origin;
        this.clock = clock;
        this.minRefreshInterval = minRefreshInterval;
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxEntries)
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run)
                .build();
    }

    /** A day's keys for 10,000 actors; a refresh at most once a minute per key. */
    public KeyCache(KeyResolver origin, Clock clock) {
        this(origin, clock, Duration.ofHours(24), 10_000, Duration.ofMinutes(1));
    }

    @Override
    public Optional<ActorKey> resolve(String keyId, boolean refresh) {
        Entry entry = entries.getIfPresent(keyId);
        if (entry != null) {
            boolean recent = entry.loadedAt().plus(minRefreshInterval).isAfter(clock.instant());
            if (!refresh || recent) {
                // A refresh refused as too soon answers as "not cached", so the verifier does not ask again.
                return Optional.of(entry.key().asCached(!refresh));
            }
        }
        // Loaded outside the cache's lock: a slow remote must not hold up other keys. Two concurrent misses for one
        // key may both fetch it; the later answer wins, and both are the same key.
        Optional<ActorKey> loaded = origin.resolve(keyId, refresh);
        loaded.ifPresentOrElse(key -> entries.put(keyId, new Entry(key.asCached(false), clock.instant())),
                () -> entries.invalidate(keyId));
        return loaded.map(key -> key.asCached(false));
    }

    /** Stores a key learnt elsewhere (an actor document fetched for another reason). */
    public void put(ActorKey key) {
        entries.put(key.keyId(), new Entry(key.asCached(false), clock.instant()));
    }

    /** Forgets a key (an actor deleted, or a Update that changed its key). */
    public void invalidate(String keyId) {
        entries.invalidate(keyId);
    }
}
