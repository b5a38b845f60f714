package social.starling.errors;

/** The object existed and was deleted. */
public final class GoneException extends StarlingException {
    public GoneException(String message) {
        super(message);
    }
}
