package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.SUGGESTION_DISMISSALS;
import static social.starling.db.schema.Tables.USERS;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.impl.DSL;
import social.starling.db.schema.tables.Follows;

/** The raw material of follow suggestions: the graph two steps out, staff accounts, and dismissed suggestions. */
public final class SuggestionRepository {

    /**
     * Discoverable, unsuspended accounts followed by the accounts {@code viewerId} follows (those that do not hide
     * their collections), not moved, the ones most of them follow first, then by followers.
     */
    public List<Long> friendsOfFriends(Tx tx, long viewerId, int limit) {
        Follows first = FOLLOWS.as("first_degree");
        Follows second = FOLLOWS.as("second_degree");
        var firstDegree = DSL.select(first.TARGET_ACCOUNT_ID).from(first)
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(first.TARGET_ACCOUNT_ID))
                .where(first.ACCOUNT_ID.eq(viewerId)).and(ACCOUNTS.HIDE_COLLECTIONS.isFalse());
        var frequency = DSL.count();
        return tx.dsl().select(second.TARGET_ACCOUNT_ID, frequency).from(second)
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(second.TARGET_ACCOUNT_ID))
                .where(second.ACCOUNT_ID.in(firstDegree))
                .and(second.TARGET_ACCOUNT_ID.ne(viewerId))
                .and(second.TARGET_ACCOUNT_ID.notIn(DSL.select(FOLLOWS.TARGET_ACCOUNT_ID).from(FOLLOWS)
                        .where(FOLLOWS.ACCOUNT_ID.eq(viewerId))))
                .and(ACCOUNTS.SUSPENDED_AT.isNull()).and(ACCOUNTS.DISCOVERABLE.isTrue())
                .and(ACCOUNTS.MOVED_TO_ACCOUNT_ID.isNull())
                .groupBy(second.TARGET_ACCOUNT_ID, ACCOUNTS.FOLLOWERS_COUNT)
                .orderBy(frequency.desc(), ACCOUNTS.FOLLOWERS_COUNT.desc(), second.TARGET_ACCOUNT_ID.desc())
                .limit(limit)
                .fetch(second.TARGET_ACCOUNT_ID);
    }

    /** The server's owners and admins: their endorsements are the staff picks. */
    public List<Long> adminIds(Tx tx) {
        return tx.dsl().select(USERS.ACCOUNT_ID).from(USERS).where(USERS.ROLE.in("owner", "admin"))
                .and(USERS.DISABLED.isFalse()).fetch(USERS.ACCOUNT_ID);
    }

    public void dismiss(Tx tx, long accountId, long targetId, Instant now) {
        var t = SUGGESTION_DISMISSALS;
        tx.dsl().insertInto(t).set(t.ACCOUNT_ID, accountId).set(t.TARGET_ACCOUNT_ID, targetId).set(t.CREATED_AT, now)
                .onConflict(t.ACCOUNT_ID, t.TARGET_ACCOUNT_ID).doNothing().execute();
    }

    public Set<Long> dismissedBy(Tx tx, long accountId) {
        return new HashSet<>(tx.dsl().select(SUGGESTION_DISMISSALS.TARGET_ACCOUNT_ID).from(SUGGESTION_DISMISSALS)
                .where(SUGGESTION_DISMISSALS.ACCOUNT_ID.eq(accountId))
                .fetch(SUGGESTION_DISMISSALS.TARGET_ACCOUNT_ID));
    }
}
