package social.starling.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.TestApp;

/**
 * The settings Starling gives its PostgreSQL sessions: query JIT compilation is off (it cost the fan-out 135 ms
 * per statement once its estimate passed jit_above_cost; bench/README.md, "Posting").
 */
class PostgresSessionTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    @Test
    void everyConnectionHasJitOff() {
        Database db = server.app().core().db();
        assumeTrue(db.dialect() == Database.Dialect.POSTGRES, "PostgreSQL only");
        // More reads at once than the pool keeps idle, so more than one connection answers.
        for (int i = 0; i < 5; i++) {
            assertThat(db.<Object>read(tx -> TestSql.dsl(tx).fetchValue("show jit"))).isEqualTo("off");
            assertThat(db.<Object>inTransaction(tx -> TestSql.dsl(tx).fetchValue("show jit"))).isEqualTo("off");
        }
    }
}
