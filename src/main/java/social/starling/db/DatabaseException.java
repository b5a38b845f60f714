package social.starling.db;

/** A database failure that is not the caller's fault; surfaces as an opaque 500. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
