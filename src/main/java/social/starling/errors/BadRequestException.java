package social.starling.errors;

/** The request is malformed, e.g. a parameter of the wrong type. */
public final class BadRequestException extends StarlingException {
    public BadRequestException(String message) {
        super(message);
    }
}
