package social.starling.federation.signature;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A public key and the actor it belongs to.
 *
 * @param keyId   the key's id ({@code https://example.social/users/alice#main-key})
 * @param ownerId the actor the key belongs to. A resolver only answers with an owner that claims the key back (the
 *                actor document's {@code publicKey} names this key id), so a key cannot speak for an actor that does
 *                not list it; Mastodon checks the same both ways (spec/security, keyId footnote)
 * @param key     RSA (the fediverse's keys) or Ed25519
 * @param cached  whether this answer came from a cache and so may be stale: only then does a failed verification
 *                fetch the key again (the signer may have rotated it)
 */
public record ActorKey(String keyId, String ownerId, PublicKey key, boolean cached) {
    public ActorKey {
        Objects.requireNonNull(keyId);
        Objects.requireNonNull(ownerId);
        Objects.requireNonNull(key);
    }

    ActorKey asCached(boolean value) {
        return value == cached ? this : new ActorKey(keyId, ownerId, key, value);
    }
}
