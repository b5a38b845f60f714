package social.starling.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static social.starling.db.schema.Tables.ACCOUNTS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jooq.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.TestApp;

/** Hot statements rendered once and prepared once per connection, on both databases. */
class RenderedOnceTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    private final RenderedOnce rendered = new RenderedOnce();
    private static final List<Field<?>> FIELDS = List.of(ACCOUNTS.ID);

    private List<Long> idsOf(Tx tx, String username) {
        return rendered.fetch(tx, List.of("byUsername"), () -> TestSql.dsl(tx).select(ACCOUNTS.ID).from(ACCOUNTS)
                .where(ACCOUNTS.USERNAME.eq(username)), FIELDS, username).map(r -> r.get(0, Long.class));
    }

    @Test
    void theStatementIsKeptOpenAndBoundAfreshOnEachUse() {
        long alice = server.fixtures().account("rendered_alice").id();
        long bob = server.fixtures().account("rendered_bob").id();
        Database db = server.app().core().db();
        db.read(tx -> {
            assertThat(idsOf(tx, "rendered_alice")).containsExactly(alice);
            PreparedStatement first = statementOf(tx);
            assertThat(idsOf(tx, "rendered_bob")).containsExactly(bob);
            assertThat(idsOf(tx, "nobody")).isEmpty();
            PreparedStatement again = statementOf(tx);
            assertThat(again).isSameAs(first);
            assertThat(again.isClosed()).isFalse();
            return null;
        });
    }

    @Test
    void aKeptStatementHoldsNoSnapshot() {
        Database db = server.app().core().db();
        db.read(tx -> {
            assertThat(idsOf(tx, "rendered_carol")).isEmpty();
            // Written by another thread while this read's connection keeps the statement: the next use sees it.
            long carol = CompletableFuture.supplyAsync(() -> server.fixtures().account("rendered_carol").id()).join();
            assertThat(idsOf(tx, "rendered_carol")).containsExactly(carol);
            return null;
        });
    }

    @Test
    void aBigInListRunsThroughJooqWithTheSameAnswer() {
        long dora = server.fixtures().account("rendered_dora").id();
        List<Long> ids = new java.util.ArrayList<>();
        for (long i = 0; i <= RenderedOnce.MAX_VALUES; i++) {
            ids.add(-1 - i);
        }
        ids.add(dora);
        Database db = server.app().core().db();
        List<Long> found = db.read(tx -> rendered.fetch(tx, List.of("big", ids.size()),
                () -> TestSql.dsl(tx).select(ACCOUNTS.ID).from(ACCOUNTS).where(ACCOUNTS.ID.in(ids)), FIELDS,
                ids.toArray()).map(r -> r.get(0, Long.class)));
        assertThat(found).containsExactly(dora);
    }

    /**
     * Hot queries are built with {@code DSL} alone (not attached to a connection), as the viewer's marks are: past
     * {@link RenderedOnce#MAX_VALUES} they must still run in the caller's transaction. The marks of a 200-reply
     * thread for a signed-in viewer failed with "No JDBC Connection configured" (a 500 on its context).
     */
    @Test
    void aBigInListOfAQueryBuiltDetachedRunsInTheTransaction() {
        long ella = server.fixtures().account("rendered_ella").id();
        List<Long> ids = new java.util.ArrayList<>();
        for (long i = 0; i <= RenderedOnce.MAX_VALUES; i++) {
            ids.add(-1 - i);
        }
        ids.add(ella);
        Database db = server.app().core().db();
        List<Long> found = db.read(tx -> rendered.fetch(tx, List.of("bigDetached", ids.size()),
                () -> org.jooq.impl.DSL.select(ACCOUNTS.ID).from(ACCOUNTS).where(ACCOUNTS.ID.in(ids)), FIELDS,
                ids.toArray()).map(r -> r.get(0, Long.class)));
        assertThat(found).containsExactly(ella);
        List<Long> statusIds = ids.subList(0, 200);
        InteractionRepository.Marks marks = db.read(tx -> new InteractionRepository().marks(tx, ella, statusIds,
                statusIds, statusIds));
        assertThat(marks.favourited()).isEmpty();
        assertThat(marks.mutedConversations()).isEmpty();
    }

    @Test
    void valuesInAnotherOrderThanJooqBindsThemFailAtOnce() {
        Database db = server.app().core().db();
        assertThatThrownBy(() -> db.read(tx -> rendered.fetch(tx, List.of("wrongOrder"),
                () -> TestSql.dsl(tx).select(ACCOUNTS.ID).from(ACCOUNTS)
                        .where(ACCOUNTS.USERNAME.eq("a")).and(ACCOUNTS.DISPLAY_NAME.eq("b")),
                FIELDS, "b", "a"))).hasMessageContaining("are not the ones bound");
    }

    private static PreparedStatement statementOf(Tx tx) throws java.sql.SQLException {
        String sql = TestSql.dsl(tx).render(TestSql.dsl(tx).select(ACCOUNTS.ID).from(ACCOUNTS)
                .where(ACCOUNTS.USERNAME.eq("x")));
        return RenderedOnce.STATEMENTS.get(Database.currentConnection().unwrap(Connection.class), sql);
    }
}
