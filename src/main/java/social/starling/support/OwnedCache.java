package social.starling.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A Caffeine cache whose entries each belong to an owner (an account), with an index from owner to keys, so
 * forgetting one account's entries costs what it holds rather than a scan of every entry: callers by token and
 * sessions are forgotten whenever an account changes (a confirmed sign-up, a first request of the hour), which
 * with a scan cost the whole cache for each of them under a surge.
 *
 * <p>An entry enters the index as it is loaded and leaves it when it expires or is evicted (in the same atomic step
 * as its removal, so a key loaded again afterwards stays indexed), or when invalidated here.
 */
public final class OwnedCache<K, V> {
    private final Function<V, Long> owner;
    private final Map<Long, Set<K>> keysByOwner = new ConcurrentHashMap<>();
    private final Cache<K, V> cache;

    /** @param owner the owner of a value, or null for a value that belongs to nobody (not indexed) */
    public OwnedCache(Duration expireAfterWrite, long maximumSize, Function<V, Long> owner) {
        this(expireAfterWrite, maximumSize, owner, Ticker.systemTicker());
    }

    OwnedCache(Duration expireAfterWrite, long maximumSize, Function<V, Long> owner, Ticker ticker) {
        this.owner = owner;
        this.cache = Caffeine.newBuilder().expireAfterWrite(expireAfterWrite).maximumSize(maximumSize)
                .ticker(ticker)
                .<K, V>evictionListener((key, value, cause) -> {
                    if (key != null && value != null) {
                        unindex(owner.apply(value), key);
                    }
                })
                .build();
    }

    /** The cached value, loaded (and indexed under its owner) when absent. */
    public V get(K key, Function<K, V> loader) {
        return cache.get(key, k -> {
            V value = loader.apply(k);
            Long o = value == null ? null : owner.apply(value);
            if (o != null) {
                keysByOwner.compute(o, (x, keys) -> {
                    Set<K> set = keys == null ? ConcurrentHashMap.newKeySet() : keys;
                    set.add(k);
                    return set;
                });
            }
            return value;
        });
    }

    public void invalidate(K key) {
        V value = cache.asMap().remove(key);
        if (value != null) {
            unindex(owner.apply(value), key);
        }
    }

    /** Forgets every entry of the owner. */
    public void invalidateOwner(long ownerId) {
        Set<K> keys = keysByOwner.remove(ownerId);
        if (keys != null) {
            cache.invalidateAll(keys);
        }
    }

    /** Forgets the entries whose value matches: a scan of every entry, for rare events (a token revoked by id). */
    public void invalidateWhere(Predicate<V> matches) {
        cache.asMap().forEach((key, value) -> {
            if (matches.test(value)) {
                invalidate(key);
            }
        });
    }

    /** Owners with entries in the index (for tests). */
    int indexedOwners() {
        return keysByOwner.size();
    }

    /** Runs pending expiry and eviction now (for tests). */
    void cleanUp() {
        cache.cleanUp();
    }

    private void unindex(Long o, K key) {
        if (o != null) {
            keysByOwner.computeIfPresent(o, (x, keys) -> {
                keys.remove(key);
                return keys.isEmpty() ? null : keys;
            });
        }
    }
}
