package social.starling.db;

import static social.starling.db.schema.Tables.STATUSES;

import java.util.List;
import social.starling.model.Page;
import social.starling.model.Status;
import social.starling.model.StatusMark;
import social.starling.model.Visibility;

/**
 * Reblogs are statuses with {@code reblog_of_id}; these are the queries that treat them as marks on the original:
 * an insert that yields to a concurrent one (the unique index on (reblog_of_id, account_id)), and who reblogged.
 */
public final class ReblogRepository {

    /** Inserts the reblog row; false if this account's reblog of that status exists already. */
    public boolean insert(Tx tx, Status r) {
        return tx.dsl().insertInto(STATUSES)
                .set(STATUSES.ID, r.id())
                .set(STATUSES.ACCOUNT_ID, r.accountId())
                .set(STATUSES.URI, r.uri())
                .set(STATUSES.URL, r.url())
                .set(STATUSES.LOCAL, r.local())
                .set(STATUSES.VISIBILITY, r.visibility().wireName())
                .set(STATUSES.REBLOG_OF_ID, r.reblogOfId())
                .set(STATUSES.CONVERSATION_ID, r.conversationId())
                .set(STATUSES.CREATED_AT, r.createdAt())
                .set(STATUSES.UPDATED_AT, r.createdAt())
                .onConflictDoNothing()
                .execute() > 0;
    }

    /**
     * Public and unlisted reblogs of a status, newest first, paged by the reblog's id (Mastodon's
     * RebloggedByAccountsController leaves private reblogs out).
     */
    public List<StatusMark> byStatus(Tx tx, long statusId, Page page) {
        var q = tx.dsl().select(STATUSES.ID, STATUSES.ACCOUNT_ID, STATUSES.REBLOG_OF_ID).from(STATUSES)
                .where(STATUSES.REBLOG_OF_ID.eq(statusId))
                .and(STATUSES.VISIBILITY.in(Visibility.PUBLIC.wireName(), Visibility.UNLISTED.wireName()));
        return Paging.fetch(q, STATUSES.ID, page).stream()
                .map(r -> new StatusMark(r.value1(), r.value2(), r.value3())).toList();
    }
}
