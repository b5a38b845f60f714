package social.starling.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static social.starling.db.schema.Tables.ACCOUNTS;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jooq.Cursor;
import org.jooq.Record1;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.TestApp;

/** jOOQ's statements kept prepared per SQLite connection ({@link KeptStatements}); PostgreSQL is not wrapped. */
class KeptStatementsTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    private Database db;

    @BeforeEach
    void setUp() {
        db = server.app().core().db();
    }

    private static List<Long> idsOf(Tx tx, String username) {
        return TestSql.dsl(tx).select(ACCOUNTS.ID).from(ACCOUNTS).where(ACCOUNTS.USERNAME.eq(username))
                .fetch(ACCOUNTS.ID);
    }

    private static int kept() throws java.sql.SQLException {
        return KeptStatements.keptOn(Database.currentConnection());
    }

    private boolean sqlite() {
        return db.dialect() == Database.Dialect.SQLITE;
    }

    @Test
    void theSameTextIsPreparedOnceAndBoundAfresh() {
        long alice = server.fixtures().account("kept_alice").id();
        long bob = server.fixtures().account("kept_bob").id();
        db.read(tx -> {
            assertThat(idsOf(tx, "kept_alice")).containsExactly(alice);
            int after = kept();
            assertThat(idsOf(tx, "kept_bob")).containsExactly(bob);
            assertThat(idsOf(tx, "nobody")).isEmpty();
            assertThat(kept()).isEqualTo(after);
            if (sqlite()) {
                assertThat(after).isPositive();
            } else {
                assertThat(after).isZero();
            }
            return null;
        });
    }

    @Test
    void aKeptStatementHoldsNoSnapshot() {
        db.read(tx -> {
            assertThat(idsOf(tx, "kept_carol")).isEmpty();
            // Written by another thread while this read's connection keeps the statement: the next use sees it.
            long carol = CompletableFuture.supplyAsync(() -> server.fixtures().account("kept_carol").id()).join();
            assertThat(idsOf(tx, "kept_carol")).containsExactly(carol);
            return null;
        });
    }

    @Test
    void aSecondUseWhileTheFirstIsOpenGetsAStatementOfItsOwn() {
        long one = server.fixtures().account("kept_lazy1").id();
        long two = server.fixtures().account("kept_lazy2").id();
        long emma = server.fixtures().account("kept_emma").id();
        List<Long> outer = new ArrayList<>();
        List<Long> inner = new ArrayList<>();
        db.read(tx -> {
            // The same text twice: the inner use must not re-run the statement the open cursor reads from.
            try (Cursor<Record1<Long>> cursor = likeQuery(tx, "kept_lazy%").fetchLazy()) {
                for (Record1<Long> r : cursor) {
                    outer.add(r.value1());
                    inner.addAll(likeQuery(tx, "kept_emma").fetch(ACCOUNTS.ID));
                }
            }
            return null;
        });
        assertThat(outer).containsExactly(one, two);
        assertThat(inner).containsExactly(emma, emma);
    }

    private static org.jooq.ResultQuery<Record1<Long>> likeQuery(Tx tx, String pattern) {
        return TestSql.dsl(tx).select(ACCOUNTS.ID).from(ACCOUNTS).where(ACCOUNTS.USERNAME.like(pattern))
                .orderBy(ACCOUNTS.USERNAME);
    }

    @Test
    void aStatementWhoseRunFailedIsNotUsedAgain() {
        assertThatThrownBy(() -> db.read(tx -> TestSql.dsl(tx).resultQuery("select abs(?)", Long.MIN_VALUE)
                .fetch())).isInstanceOf(RuntimeException.class);
        Long abs = db.read(tx -> TestSql.dsl(tx).resultQuery("select abs(?)", -7L).fetchOne(0, Long.class));
        assertThat(abs).isEqualTo(7L);
    }

    @Test
    void writesThroughKeptStatementsCommitAndRollBackAsAlways() {
        long fay = server.fixtures().account("kept_fay").id();
        for (String name : List.of("First", "Second")) {
            db.inTransaction(tx -> TestSql.dsl(tx).update(ACCOUNTS).set(ACCOUNTS.DISPLAY_NAME, name)
                    .where(ACCOUNTS.ID.eq(fay)).execute());
        }
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            TestSql.dsl(tx).update(ACCOUNTS).set(ACCOUNTS.DISPLAY_NAME, "Third").where(ACCOUNTS.ID.eq(fay)).execute();
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        String name = db.read(tx -> TestSql.dsl(tx).select(ACCOUNTS.DISPLAY_NAME).from(ACCOUNTS)
                .where(ACCOUNTS.ID.eq(fay)).fetchOne(ACCOUNTS.DISPLAY_NAME));
        assertThat(name).isEqualTo("Second");
    }
}
