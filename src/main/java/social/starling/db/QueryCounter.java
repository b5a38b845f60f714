package social.starling.db;

/**
 * Counts the SQL statements the current thread has run through jOOQ since {@link #reset}. A request runs on its
 * own virtual thread, so the HTTP layer resets it as a request starts and reads it as it ends (the
 * {@code starling.http.queries} summary per route): a page whose count grows with the number of posts it shows has
 * an N+1 somewhere.
 */
public final class QueryCounter {
    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    private QueryCounter() {
    }

    public static void reset() {
        COUNT.get()[0] = 0;
    }

    public static int count() {
        return COUNT.get()[0];
    }

    static void increment() {
        COUNT.get()[0]++;
    }
}
