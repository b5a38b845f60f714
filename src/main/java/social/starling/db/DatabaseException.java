package social.starling.db;

/**
 * A database failure (a failed statement, a lost connection, a constraint violated by a concurrent write); unless a
 * caller handles it, it surfaces as an opaque 500.
 */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
