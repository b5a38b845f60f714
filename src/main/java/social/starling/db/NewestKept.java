package social.starling.db;

import java.util.List;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/** Trimming of materialised feeds (home and list): each feed keeps its newest entries, by status id. */
final class NewestKept {
    private NewestKept() {
    }

    /**
     * The feeds holding more than {@code max} entries: one scan of the primary key index, with no sorting (ranking
     * every entry of every feed instead took ~15 s on 8 million entries, holding SQLite's only writer throughout).
     */
    static <R extends org.jooq.Record> List<Long> overfull(Tx tx, TableField<R, Long> feed, int max) {
        return tx.dsl().select(feed).from(feed.getTable()).groupBy(feed).having(DSL.count().gt(max)).fetch(feed);
    }

    /** Keeps the newest {@code max} entries of the feed {@code feedId}; returns how many were removed. */
    static <R extends org.jooq.Record> int trim(Tx tx, TableField<R, Long> feed, TableField<R, Long> status,
                                                long feedId, int max) {
        Table<R> table = feed.getTable();
        Long oldestKept = tx.dsl().select(status).from(table).where(feed.eq(feedId))
                .orderBy(status.desc()).limit(1).offset(max - 1)
                .fetchOne(status);
        if (oldestKept == null) {
            return 0;
        }
        return tx.dsl().deleteFrom(table).where(feed.eq(feedId)).and(status.lt(oldestKept)).execute();
    }
}
