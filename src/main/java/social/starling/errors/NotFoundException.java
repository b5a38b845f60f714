package social.starling.errors;

/** The object does not exist, or the caller may not see it (never a 403 for hidden objects). */
public final class NotFoundException extends StarlingException {
    public NotFoundException(String message) {
        super(message);
    }
}
