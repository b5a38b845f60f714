package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNT_DOMAIN_BLOCKS;
import static social.starling.db.schema.Tables.BLOCKS;
import static social.starling.db.schema.Tables.MUTES;

import java.time.Instant;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * SQL conditions that keep a timeline page full for one viewer: statuses whose author the viewer blocks, mutes
 * (an active mute) or whose domain the viewer blocks, or who blocks the viewer, are skipped in the query already.
 * StatusViews applies the same rules again when rendering; this only spares pages that come back short.
 */
final class ViewerFilters {
    private ViewerFilters() {
    }

    static Condition authorAllowed(Field<Long> authorId, Field<String> authorDomain, Long viewerId, Instant now) {
        if (viewerId == null) {
            return DSL.noCondition();
        }
        return DSL.notExists(DSL.selectOne().from(BLOCKS).where(
                        BLOCKS.ACCOUNT_ID.eq(viewerId).and(BLOCKS.TARGET_ACCOUNT_ID.eq(authorId))
                                .or(BLOCKS.ACCOUNT_ID.eq(authorId).and(BLOCKS.TARGET_ACCOUNT_ID.eq(viewerId)))))
                .and(DSL.notExists(DSL.selectOne().from(MUTES).where(MUTES.ACCOUNT_ID.eq(viewerId))
                        .and(MUTES.TARGET_ACCOUNT_ID.eq(authorId))
                        .and(MUTES.EXPIRES_AT.isNull().or(MUTES.EXPIRES_AT.coerce(SQLDataType.BIGINT)
                                .gt(now.toEpochMilli())))))
                .and(DSL.notExists(DSL.selectOne().from(ACCOUNT_DOMAIN_BLOCKS)
                        .where(ACCOUNT_DOMAIN_BLOCKS.ACCOUNT_ID.eq(viewerId))
                        .and(ACCOUNT_DOMAIN_BLOCKS.DOMAIN.eq(authorDomain))));
    }
}
