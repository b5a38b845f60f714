package social.starling.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import social.starling.testing.MutableClock;

class KeyCacheTest {
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T10:00:00Z"));
    final AtomicReference<ActorKey> remote = new AtomicReference<>(
            new ActorKey(TestKeys.ALICE_KEY, TestKeys.ALICE_ACTOR, TestKeys.ALICE.getPublic(), false));
    final AtomicInteger fetches = new AtomicInteger();
    final KeyResolver origin = (keyId, refresh) -> {
        fetches.incrementAndGet();
        return Optional.ofNullable(remote.get()).filter(k -> k.keyId().equals(keyId));
    };
    final KeyCache cache = new KeyCache(origin, clock, Duration.ofHours(24), 100, Duration.ofMinutes(1));

    @Test
    void aSecondLookupComesFromMemoryMarkedCached() {
        assertThat(cache.resolve(TestKeys.ALICE_KEY, false)).get().extracting(ActorKey::cached).isEqualTo(false);
        assertThat(cache.resolve(TestKeys.ALICE_KEY, false)).get().extracting(ActorKey::cached).isEqualTo(true);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aRefreshFetchesAgainUnlessTheCopyIsRecent() {
        cache.resolve(TestKeys.ALICE_KEY, false);
        remote.set(new ActorKey(TestKeys.ALICE_KEY, TestKeys.ALICE_ACTOR, TestKeys.MALLORY.getPublic(), false));

        ActorKey tooSoon = cache.resolve(TestKeys.ALICE_KEY, true).orElseThrow();
        assertThat(fetches).hasValue(1);
        assertThat(tooSoon.key()).isEqualTo(TestKeys.ALICE.getPublic());
        assertThat(tooSoon.cached()).isFalse();

        clock.advance(Duration.ofMinutes(2));
        ActorKey refreshed = cache.resolve(TestKeys.ALICE_KEY, true).orElseThrow();
        assertThat(fetches).hasValue(2);
        assertThat(refreshed.key()).isEqualTo(TestKeys.MALLORY.getPublic());
        assertThat(cache.resolve(TestKeys.ALICE_KEY, false).orElseThrow().key())
                .isEqualTo(TestKeys.MALLORY.getPublic());
    }

    @Test
    void entriesExpire() {
        cache.resolve(TestKeys.ALICE_KEY, false);
        clock.advance(Duration.ofHours(25));
        assertThat(cache.resolve(TestKeys.ALICE_KEY, false)).get().extracting(ActorKey::cached).isEqualTo(false);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void missesAreNotRemembered() {
        assertThat(cache.resolve("https://remote.example/nobody#main-key", false)).isEmpty();
        assertThat(cache.resolve("https://remote.example/nobody#main-key", false)).isEmpty();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aKeyGoneAtRefreshIsForgotten() {
        cache.resolve(TestKeys.ALICE_KEY, false);
        clock.advance(Duration.ofMinutes(2));
        remote.set(null);
        assertThat(cache.resolve(TestKeys.ALICE_KEY, true)).isEmpty();
        assertThat(cache.resolve(TestKeys.ALICE_KEY, false)).isEmpty();
    }

    @Test
    void putAndInvalidate() {
        cache.put(new ActorKey("https://x.example/k", "https://x.example/a", TestKeys.MALLORY.getPublic(), false));
        assertThat(cache.resolve("https://x.example/k", false)).get().extracting(ActorKey::cached).isEqualTo(true);
        cache.invalidate("https://x.example/k");
        assertThat(cache.resolve("https://x.example/k", false)).isEmpty();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void withTheVerifierARotatedKeyIsFoundThroughTheCache() throws Exception {
        var signer = new HttpSigner(clock);
        var verifier = new SignatureVerifier(cache, clock);
        java.net.URI inbox = java.net.URI.create("https://starling.example/inbox");
        byte[] body = "{}".getBytes();
        cache.resolve(TestKeys.ALICE_KEY, false);
        clock.advance(Duration.ofMinutes(5));
        // Alice rotates to a new key; the cache still holds the old one.
        remote.set(new ActorKey(TestKeys.ALICE_KEY, TestKeys.ALICE_ACTOR, TestKeys.MALLORY.getPublic(), false));
        var headers = signer.sign("POST", inbox, java.util.Map.of(), body, TestKeys.ALICE_KEY,
                TestKeys.MALLORY.getPrivate());
        VerifiedSignature verified = verifier.verify(InboundRequest.of("POST", inbox, headers, body));
        assertThat(verified.refetched()).isTrue();
        assertThat(fetches).hasValue(2);
    }
}
