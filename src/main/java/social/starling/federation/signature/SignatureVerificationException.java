package social.starling.federation.signature;

/**
 * A request whose signature Starling does not accept. The message says why and is safe to send back to the signer
 * (the inbox answers 401 with {@code {"error": message}}, as Mastodon does); it never holds key material.
 */
public final class SignatureVerificationException extends Exception {
    public SignatureVerificationException(String message) {
        super(message, null, false, false);
    }
}
