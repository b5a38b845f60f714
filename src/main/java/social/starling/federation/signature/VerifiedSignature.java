package social.starling.federation.signature;

/**
 * A signature that checked out.
 *
 * @param keyId     the key that signed
 * @param actorId   the actor owning that key: who sent the request
 * @param scheme    which kind of signature it was
 * @param refetched whether the key had to be fetched again (a rotated key)
 */
public record VerifiedSignature(String keyId, String actorId, Scheme scheme, boolean refetched) {
    public enum Scheme {
        /** draft-cavage-http-signatures ({@code Signature: keyId=...}), what Mastodon sends. */
        CAVAGE,
        /** RFC 9421 HTTP Message Signatures ({@code Signature-Input} + {@code Signature}). */
        RFC9421
    }

    /**
     * Checks that the signer is the actor of the activity it delivered. A valid signature by someone else (a relay,
     * or a server forwarding a reply) proves nothing about the activity: Mastodon then falls back to an LD signature
     * or to fetching the activity from its origin, and so must the caller.
     *
     * @throws SignatureVerificationException when the signer is someone else
     */
    public void requireActor(String activityActorId) throws SignatureVerificationException {
        if (activityActorId == null || !activityActorId.equals(actorId)) {
            throw new SignatureVerificationException(
                    "the request is signed by " + actorId + ", not by the activity's actor " + activityActorId);
        }
    }
}
