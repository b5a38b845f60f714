package social.starling.db;

import org.jooq.DSLContext;

/** For tests that set up or inspect rows directly: {@link Tx#dsl()} is for db/ only. */
public final class TestSql {
    private TestSql() {
    }

    public static DSLContext dsl(Tx tx) {
        return tx.dsl();
    }
}
