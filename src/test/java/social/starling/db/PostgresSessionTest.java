package social.starling.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.List;
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

    /**
     * With the visibility bound as a parameter, the generic plan of a hashtag page guessed a quarter of the statuses
     * public (one of four values), estimated fewer rows than a plan made for 'public', lost the comparison, and every
     * run was planned anew (1.35 ms of a 1.6 ms statement, bench/README.md "The final sweep").
     */
    @Test
    void aHashtagPageStatementRunsOnItsGenericPlan() {
        Database db = server.app().core().db();
        assumeTrue(db.dialect() == Database.Dialect.POSTGRES, "PostgreSQL only");
        long author = server.fixtures().account("tagger").id();
        long viewer = server.fixtures().account("tagreader").id();
        // Four tags over 20,000 statuses, most of them public, as on a real server: the statistics then say how
        // many are public, which a bound visibility hides from the generic plan.
        db.inTransaction(tx -> {
            TestSql.dsl(tx).execute("insert into statuses (id, account_id, uri, local, visibility, created_at, "
                    + "updated_at) select g, ?, 'https://tagged.test/' || g, true, case g % 8 when 0 then 'unlisted' "
                    + "when 1 then 'private' when 2 then 'direct' else 'public' end, 0, 0 "
                    + "from generate_series(100001, 120000) g", author);
            TestSql.dsl(tx).execute("insert into tags (id, name, name_key, created_at) "
                    + "select g, 'planned' || g, 'planned' || g, 0 from generate_series(1, 4) g");
            return TestSql.dsl(tx).execute("insert into status_tags (status_id, tag_id) "
                    + "select g, 1 + g % 4 from generate_series(100001, 120000) g");
        });
        db.inTransaction(tx -> TestSql.dsl(tx).execute("analyze statuses, status_tags, tags"));
        TagFeedRepository tags = server.app().repos().tagFeed();
        var query = new TagFeedRepository.TagQuery(List.of(1L), List.of(), List.of(), null);
        org.jooq.Record plans = db.read(tx -> {
            for (int i = 0; i < 20; i++) {
                assertThat(tags.timeline(tx, query, viewer, social.starling.model.Page.first(20), Instant.now()))
                        .hasSize(20);
            }
            return TestSql.dsl(tx).fetchOne("select coalesce(sum(generic_plans), 0) as generic, "
                    + "coalesce(sum(custom_plans), 0) as custom from pg_prepared_statements "
                    + "where statement like '%status_tags%' and statement not like '%pg_prepared_statements%'");
        });
        assertThat(((Number) plans.get("generic")).longValue()).as("generic plans used").isGreaterThan(0);
        assertThat(((Number) plans.get("custom")).longValue()).as("custom plans").isLessThanOrEqualTo(5);
    }
}
