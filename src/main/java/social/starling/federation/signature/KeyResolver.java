package social.starling.federation.signature;

import java.util.Optional;

/** Finds the public key a signature names. */
@FunctionalInterface
public interface KeyResolver {
    /**
     * @param keyId   the signature's key id, as the signer wrote it
     * @param refresh fetch the key again even if a copy is known (the verifier asks once, after a cached key failed)
     * @return the key and its owner, or empty when the key cannot be found or its owner does not claim it
     */
    Optional<ActorKey> resolve(String keyId, boolean refresh);
}
