package social.starling.db;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * One database transaction: the jOOQ context to query with, and work to run once it has committed (waking a job
 * runner, evicting a cache). Repositories take a {@code Tx} so the caller decides the transaction's extent.
 */
public final class Tx {
    private final DSLContext dsl;
    private final boolean readOnly;
    private final Database.Dialect dialect;
    private final List<Runnable> afterCommit = new ArrayList<>();

    Tx(DSLContext dsl, boolean readOnly, Database.Dialect dialect) {
        this.dsl = dsl;
        this.readOnly = readOnly;
        this.dialect = dialect;
    }

    /** The jOOQ context: for repositories only (package-private), so no SQL is written outside db/. */
    DSLContext dsl() {
        return dsl;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public Database.Dialect dialect() {
        return dialect;
    }

    /** Runs {@code action} after this transaction commits; never if it rolls back. */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }
}
