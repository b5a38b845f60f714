package social.starling.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.TestApp;

/**
 * The settings Starling gives its PostgreSQL sessions: query JIT compilation is off (it cost the fan-out 135 ms
 * per statement once its estimate passed jit_above_cost; bench/README.md, "Posting"). And a timeline page's
 * statement, prepared on the server, is planned once (its generic plan), not on every run.
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

    /**
     * With the page's limit bound as a parameter, PostgreSQL's generic plan was estimated for an unknown limit and
     * never chosen: every run of a home page was planned anew (Paging.query).
     */
    @Test
    void aHomePageStatementRunsOnItsGenericPlan() {
        Database db = server.app().core().db();
        assumeTrue(db.dialect() == Database.Dialect.POSTGRES, "PostgreSQL only");
        long viewer = server.fixtures().account("planned").id();
        FeedRepository feeds = server.app().repos().feeds();
        // A feed long enough that a page is a small part of it, and statistics that say so: with an unknown limit
        // the generic plan's estimate is for a tenth of the feed, not for a page (on near-empty tables the two
        // plans cost about the same, and PostgreSQL took the generic one either way).
        db.inTransaction(tx -> {
            TestSql.dsl(tx).execute("insert into statuses (id, account_id, uri, local, visibility, created_at, "
                    + "updated_at) select g, ?, 'https://planned.test/' || g, true, 'public', 0, 0 "
                    + "from generate_series(1, 5000) g", viewer);
            return TestSql.dsl(tx).execute("insert into feed_entries (account_id, status_id, author_id) "
                    + "select ?, g, ? from generate_series(1, 5000) g", viewer, viewer);
        });
        db.inTransaction(tx -> TestSql.dsl(tx).execute("analyze statuses, feed_entries"));
        org.jooq.Record plans = db.read(tx -> {
            for (int i = 0; i < 20; i++) { // pgjdbc prepares on the server from the 5th run; PostgreSQL tries
                feeds.pageIfKept(tx, viewer, social.starling.model.Page.first(20)); // generic after 5 more
            }
            return TestSql.dsl(tx).fetchOne("select coalesce(sum(generic_plans), 0) as generic, "
                    + "coalesce(sum(custom_plans), 0) as custom from pg_prepared_statements "
                    + "where statement like '%feed_entries%' and statement not like '%pg_prepared_statements%'");
        });
        assertThat(((Number) plans.get("generic")).longValue()).as("generic plans used").isGreaterThan(0);
        assertThat(((Number) plans.get("custom")).longValue()).as("custom plans").isLessThanOrEqualTo(5);
    }
}
