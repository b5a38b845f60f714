package social.starling.errors;

/** No valid credentials: a missing, expired or revoked token. */
public final class UnauthorizedException extends StarlingException {
    public UnauthorizedException(String message) {
        super(message);
    }
}
