package social.starling.federation.signature;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Key pairs made once per test run (RSA generation is slow) and a resolver tests can script. */
final class TestKeys {
    static final KeyPair ALICE = Keys.generateRsa();
    static final KeyPair MALLORY = Keys.generateRsa();
    static final KeyPair ED25519 = ed25519();

    static final String ALICE_ACTOR = "https://remote.example/users/alice";
    static final String ALICE_KEY = ALICE_ACTOR + "#main-key";

    private TestKeys() {
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A resolver with a fixed answer per key id, counting calls with and without refresh. */
    static final class ScriptedResolver implements KeyResolver {
        final Map<String, ActorKey> cached = new ConcurrentHashMap<>();
        final Map<String, ActorKey> fresh = new ConcurrentHashMap<>();
        final AtomicInteger plainCalls = new AtomicInteger();
        final AtomicInteger refreshCalls = new AtomicInteger();

        ScriptedResolver key(String keyId, String owner, KeyPair pair) {
            fresh.put(keyId, new ActorKey(keyId, owner, pair.getPublic(), false));
            return this;
        }

        /** Answers {@code stale} as a cached copy until asked to refresh, then {@code current}. */
        ScriptedResolver rotated(String keyId, String owner, KeyPair stale, KeyPair current) {
            cached.put(keyId, new ActorKey(keyId, owner, stale.getPublic(), true));
            fresh.put(keyId, new ActorKey(keyId, owner, current.getPublic(), false));
            return this;
        }

        @Override
        public Optional<ActorKey> resolve(String keyId, boolean refresh) {
            (refresh ? refreshCalls : plainCalls).incrementAndGet();
            if (!refresh && cached.containsKey(keyId)) {
                return Optional.of(cached.get(keyId));
            }
            return Optional.ofNullable(fresh.get(keyId));
        }
    }
}
