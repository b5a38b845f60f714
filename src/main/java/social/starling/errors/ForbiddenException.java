package social.starling.errors;

/** The caller is known but may not do this (missing scope, suspended, closed registrations). */
public final class ForbiddenException extends StarlingException {
    public ForbiddenException(String message) {
        super(message);
    }
}
