package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.LISTS;
import static social.starling.db.schema.Tables.LIST_ACCOUNTS;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Record;
import org.jooq.impl.DSL;
import social.starling.model.Page;
import social.starling.model.UserList;

/**
 * Lists and their members. A change to a list's replies policy or members unbuilds its feed
 * ({@link ListFeedRepository}), which is built again on its next read.
 */
public final class ListRepository {

    public void insert(Tx tx, UserList l) {
        tx.dsl().insertInto(LISTS)
                .set(LISTS.ID, l.id())
                .set(LISTS.ACCOUNT_ID, l.accountId())
                .set(LISTS.TITLE, l.title())
                .set(LISTS.REPLIES_POLICY, l.repliesPolicy().wireName())
                .set(LISTS.EXCLUSIVE, l.exclusive())
                .set(LISTS.CREATED_AT, l.createdAt())
                .set(LISTS.UPDATED_AT, l.updatedAt())
                .execute();
    }

    public void update(Tx tx, UserList l) {
        tx.dsl().update(LISTS)
                .set(LISTS.TITLE, l.title())
                .set(LISTS.REPLIES_POLICY, l.repliesPolicy().wireName())
                .set(LISTS.EXCLUSIVE, l.exclusive())
                .set(LISTS.UPDATED_AT, l.updatedAt())
                .where(LISTS.ID.eq(l.id()))
                .execute();
        ListFeedRepository.unbuild(tx, l.id()); // its replies policy may have changed
    }

    public void delete(Tx tx, long id) {
        tx.dsl().deleteFrom(LISTS).where(LISTS.ID.eq(id)).execute();
    }

    /** The list {@code id} if {@code ownerId} owns it. */
    public Optional<UserList> findOwned(Tx tx, long ownerId, long id) {
        return tx.dsl().selectFrom(LISTS).where(LISTS.ID.eq(id)).and(LISTS.ACCOUNT_ID.eq(ownerId))
                .fetchOptional(ListRepository::toList);
    }

    /** All lists of an owner, oldest first. */
    public List<UserList> ofOwner(Tx tx, long ownerId) {
        return tx.dsl().selectFrom(LISTS).where(LISTS.ACCOUNT_ID.eq(ownerId)).orderBy(LISTS.ID)
                .fetch(ListRepository::toList);
    }

    public int countOfOwner(Tx tx, long ownerId) {
        return tx.dsl().fetchCount(LISTS, LISTS.ACCOUNT_ID.eq(ownerId));
    }

    /** The owner's lists that hold {@code memberId}, oldest first. */
    public List<UserList> containing(Tx tx, long ownerId, long memberId) {
        return tx.dsl().select(LISTS.fields()).from(LISTS)
                .join(LIST_ACCOUNTS).on(LIST_ACCOUNTS.LIST_ID.eq(LISTS.ID))
                .where(LISTS.ACCOUNT_ID.eq(ownerId)).and(LIST_ACCOUNTS.ACCOUNT_ID.eq(memberId))
                .orderBy(LISTS.ID)
                .fetch(ListRepository::toList);
    }

    // Members -----------------------------------------------------------------------------------------------

    public void addMember(Tx tx, long listId, long accountId, Instant now) {
        tx.dsl().insertInto(LIST_ACCOUNTS)
                .set(LIST_ACCOUNTS.LIST_ID, listId)
                .set(LIST_ACCOUNTS.ACCOUNT_ID, accountId)
                .set(LIST_ACCOUNTS.CREATED_AT, now)
                .execute();
        ListFeedRepository.unbuild(tx, listId);
    }

    /** Of {@code accountIds}, those already in the list. */
    public Set<Long> membersAmong(Tx tx, long listId, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(tx.dsl().select(LIST_ACCOUNTS.ACCOUNT_ID).from(LIST_ACCOUNTS)
                .where(LIST_ACCOUNTS.LIST_ID.eq(listId)).and(LIST_ACCOUNTS.ACCOUNT_ID.in(accountIds))
                .fetch(LIST_ACCOUNTS.ACCOUNT_ID));
    }

    public int removeMembers(Tx tx, long listId, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return 0;
        }
        ListFeedRepository.unbuild(tx, listId);
        return tx.dsl().deleteFrom(LIST_ACCOUNTS).where(LIST_ACCOUNTS.LIST_ID.eq(listId))
                .and(LIST_ACCOUNTS.ACCOUNT_ID.in(accountIds)).execute();
    }

    /**
     * Members that are not suspended, newest account first, paged by account id as Mastodon pages
     * {@code list.accounts}; {@code page} null means all of them.
     */
    public List<Long> members(Tx tx, long listId, Page page) {
        var q = tx.dsl().select(LIST_ACCOUNTS.ACCOUNT_ID).from(LIST_ACCOUNTS)
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(LIST_ACCOUNTS.ACCOUNT_ID))
                .where(LIST_ACCOUNTS.LIST_ID.eq(listId)).and(ACCOUNTS.SUSPENDED_AT.isNull());
        if (page == null) {
            return q.orderBy(LIST_ACCOUNTS.ACCOUNT_ID.desc()).fetch(LIST_ACCOUNTS.ACCOUNT_ID);
        }
        return Paging.fetch(q, LIST_ACCOUNTS.ACCOUNT_ID, page).stream().map(r -> r.value1()).toList();
    }

    public static UserList toList(Record r) {
        return new UserList(r.get(LISTS.ID), r.get(LISTS.ACCOUNT_ID), r.get(LISTS.TITLE),
                UserList.RepliesPolicy.parse(r.get(LISTS.REPLIES_POLICY)).orElse(UserList.RepliesPolicy.LIST),
                r.get(LISTS.EXCLUSIVE), r.get(LISTS.CREATED_AT), r.get(LISTS.UPDATED_AT));
    }
}
