package social.starling.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Entries forgotten by owner through the index, and the index kept to what the cache holds. */
class OwnedCacheTest {
    private record Value(String name, Long owner) {
    }

    private final AtomicLong nanos = new AtomicLong();
    private final List<String> loads = new ArrayList<>();
    private final OwnedCache<String, Value> cache = new OwnedCache<>(Duration.ofMinutes(1), 1_000, Value::owner,
            nanos::get);

    private Value get(String key, Long owner) {
        return cache.get(key, k -> {
            loads.add(k);
            return new Value(k, owner);
        });
    }

    @Test
    void forgettingAnOwnerForgetsItsEntriesOnly() {
        get("a1", 1L);
        get("a2", 1L);
        get("b1", 2L);
        get("nobody", null);
        loads.clear();

        cache.invalidateOwner(1L);

        get("a1", 1L);
        get("a2", 1L);
        get("b1", 2L);
        get("nobody", null);
        assertThat(loads).containsExactly("a1", "a2");
    }

    @Test
    void expiredEntriesLeaveTheIndexAndAKeyLoadedAgainIsIndexedAgain() {
        get("a1", 1L);
        get("b1", 2L);
        assertThat(cache.indexedOwners()).isEqualTo(2);

        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        cache.cleanUp();
        assertThat(cache.indexedOwners()).isZero();

        get("a1", 1L);
        loads.clear();
        cache.invalidateOwner(1L);
        get("a1", 1L);
        assertThat(loads).containsExactly("a1");
    }

    @Test
    void invalidatingAKeyOrByPredicateTakesItOutOfTheIndex() {
        get("a1", 1L);
        get("a2", 1L);
        cache.invalidate("a1");
        cache.invalidateWhere(v -> v.name().equals("a2"));
        assertThat(cache.indexedOwners()).isZero();
        loads.clear();
        get("a1", 1L);
        assertThat(loads).containsExactly("a1");
    }
}
