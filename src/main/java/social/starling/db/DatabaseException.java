package social.starling.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import social.starling.errors.UnavailableException;

/**
 * A database failure (a failed statement, a constraint violated by a concurrent write); unless a caller handles it,
 * it surfaces as an opaque 500. A database that cannot be reached is not that: {@link #translate} makes it an
 * {@link UnavailableException}, a 503 with {@code Retry-After}, in this one place for every query.
 */
public final class DatabaseException extends RuntimeException {
    /** How long clients are told to wait when the database cannot be reached. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /** PostgreSQL states that mean "not now" rather than "wrong": shutdown, starting up, too many connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "53400");

    public DatabaseException(Throwable cause) {
        super(cause.getMessage(), cause);
    }

    /**
     * What a failure of the database layer becomes: {@link UnavailableException} when the database could not be
     * reached or is momentarily unable to work (the pool timed out waiting for a connection, the connection broke,
     * PostgreSQL is shutting down or starting, SQLite is busy, locked or cannot do I/O), else a
     * {@link DatabaseException}.
     */
    public static RuntimeException translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (unavailable(t)) {
                return new UnavailableException("The database is unavailable; try again shortly", RETRY_AFTER);
            }
        }
        return e instanceof DatabaseException d ? d : new DatabaseException(e);
    }

    private static boolean unavailable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            return code != null && (code.code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code
                    || code != null && (code.code & 0xff) == SQLiteErrorCode.SQLITE_LOCKED.code
                    || code != null && (code.code & 0xff) == SQLiteErrorCode.SQLITE_IOERR.code;
        }
        if (t instanceof SQLException s && s.getSQLState() != null) {
            return s.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(s.getSQLState());
        }
        return false;
    }
}
