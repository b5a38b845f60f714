package social.starling.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import social.starling.model.Page;

/**
 * Applies Mastodon's paging to a query over time-sortable ids. Results always come newest first; with
 * {@code min_id} the query walks upwards from it (so the page is the one right after it) and the result is
 * reversed.
 */
public final class Paging {
    private Paging() {
    }

    public static Condition bounds(Field<Long> id, Page page) {
        Condition c = DSL.noCondition();
        if (page.maxId().isPresent()) {
            c = c.and(id.lt(page.maxId().get()));
        }
        if (page.lowerBound().isPresent()) {
            c = c.and(id.gt(page.lowerBound().get()));
        }
        return c;
    }

    public static <R extends Record> List<R> fetch(SelectConditionStep<R> query, Field<Long> id, Page page) {
        List<R> rows = new ArrayList<>(query(query, id, page).fetch());
        if (page.ascending()) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /**
     * The page's query, unrun: its rows come in the order walked (oldest first for {@code min_id}). The limit is
     * part of the SQL text, not a bound value: PostgreSQL then plans a statement prepared on the server once (its
     * generic plan) instead of on every run. With the limit bound, the generic plan's cost estimate (made for an
     * unknown limit) stayed above the custom plans', so each run was planned anew: 1.4 ms of planning for a list
     * page that runs in 0.12 ms (bench/README.md, "Timelines and threads").
     */
    public static <R extends Record> ResultQuery<R> query(SelectConditionStep<R> query, Field<Long> id, Page page) {
        return query.and(bounds(id, page)).orderBy(page.ascending() ? id.asc() : id.desc())
                .limit(DSL.inline(page.limit()));
    }

    /** The values {@link #query} binds after the query's own, in order: the bounds present. */
    static List<Object> values(Page page) {
        List<Object> values = new ArrayList<>(2);
        page.maxId().ifPresent(values::add);
        page.lowerBound().ifPresent(values::add);
        return values;
    }

    /** What makes two pages' SQL differ: which bounds they have, the direction and the limit. */
    static List<Object> shape(Page page) {
        return List.of(page.maxId().isPresent(), page.lowerBound().isPresent(), page.ascending(), page.limit());
    }
}
