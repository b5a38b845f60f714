package social.starling.db;

import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.STATUS_MENTIONS;
import static social.starling.db.schema.Tables.STATUS_PINS;
import static social.starling.db.schema.Tables.STATUS_TAGS;

import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import social.starling.model.Page;
import social.starling.model.Visibility;

/** The statuses on one account's profile, by id, with Mastodon's AccountStatusesFilter options. */
public final class AccountStatusRepository {

    /**
     * What to list.
     *
     * @param visibilities    the visibilities the viewer may see outright
     * @param mentionedViewer also list statuses of other visibilities that mention this account (null: none)
     * @param tagId           only statuses with this tag (null: any)
     */
    public record Query(Collection<Visibility> visibilities, Long mentionedViewer, boolean excludeReplies,
                        boolean excludeReblogs, Long tagId) {
    }

    /** A page of status ids, newest first. */
    public List<Long> page(Tx tx, long accountId, Query q, Page page) {
        return Paging.fetch(tx.dsl().select(STATUSES.ID).from(STATUSES)
                        .where(STATUSES.ACCOUNT_ID.eq(accountId)).and(condition(q)), STATUSES.ID, page)
                .stream().map(r -> r.value1()).toList();
    }

    /** The account's pinned statuses that match, most recently pinned first. */
    public List<Long> pinned(Tx tx, long accountId, Query q, Page page) {
        return tx.dsl().select(STATUSES.ID).from(STATUS_PINS).join(STATUSES).on(STATUSES.ID.eq(STATUS_PINS.STATUS_ID))
                .where(STATUS_PINS.ACCOUNT_ID.eq(accountId)).and(STATUSES.ACCOUNT_ID.eq(accountId))
                .and(condition(q)).and(Paging.bounds(STATUSES.ID, page))
                .orderBy(STATUS_PINS.ID.desc()).limit(page.limit())
                .fetch(STATUSES.ID);
    }

    private static Condition condition(Query q) {
        Condition seen = STATUSES.VISIBILITY.in(q.visibilities().stream().map(Visibility::wireName).toList());
        if (q.mentionedViewer() != null) {
            seen = seen.or(DSL.exists(DSL.selectOne().from(STATUS_MENTIONS)
                    .where(STATUS_MENTIONS.STATUS_ID.eq(STATUSES.ID))
                    .and(STATUS_MENTIONS.ACCOUNT_ID.eq(q.mentionedViewer()))));
        }
        Condition c = seen;
        if (q.excludeReplies()) {
            // Mastodon's without_replies: self-replies (threads) stay.
            c = c.and(STATUSES.IN_REPLY_TO_ID.isNull().or(STATUSES.IN_REPLY_TO_ACCOUNT_ID.eq(STATUSES.ACCOUNT_ID)));
        }
        if (q.excludeReblogs()) {
            c = c.and(STATUSES.REBLOG_OF_ID.isNull());
        }
        if (q.tagId() != null) {
            c = c.and(DSL.exists(DSL.selectOne().from(STATUS_TAGS).where(STATUS_TAGS.STATUS_ID.eq(STATUSES.ID))
                    .and(STATUS_TAGS.TAG_ID.eq(q.tagId()))));
        }
        return c;
    }
}
