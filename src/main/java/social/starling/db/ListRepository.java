package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.LISTS;
import static social.starling.db.schema.Tables.LIST_ACCOUNTS;
import static social.starling.db.schema.Tables.STATUSES;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import social.starling.model.Page;
import social.starling.model.UserList;
import social.starling.model.Visibility;

/** Lists and their members, and the list timeline (a query at read time: lists are not materialised). */
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

    // The list timeline ----------------------------------------------------------------------------------------

    /**
     * A page of the list's timeline: status ids, newest first. Statuses (and reblogs) by members the owner follows,
     * with Mastodon's list rules (FeedManager#filter_from_list? and the home rules it shares): no direct statuses,
     * reblogs only where the follow shows them and not of the owner's own posts, languages the follow asks for, and
     * replies to others only as the replies policy allows: {@code followed} replies to people the owner follows,
     * {@code list} replies to members, {@code none} none. Replies to oneself or to the owner always count.
     */
    public List<Long> timeline(Tx tx, UserList list, Page page, Instant now) {
        long owner = list.accountId();
        var member = LIST_ACCOUNTS.ACCOUNT_ID;
        var follow = FOLLOWS.as("lf");
        var s = STATUSES.as("ls");
        var original = STATUSES.as("lo");
        Field<Long> repliedTo = s.IN_REPLY_TO_ACCOUNT_ID;
        Condition replies = repliedTo.isNull().or(repliedTo.eq(s.ACCOUNT_ID)).or(repliedTo.eq(owner));
        replies = switch (list.repliesPolicy()) {
            case FOLLOWED -> {
                var f2 = FOLLOWS.as("lf2");
                yield replies.or(DSL.exists(DSL.selectOne().from(f2).where(f2.ACCOUNT_ID.eq(owner))
                        .and(f2.TARGET_ACCOUNT_ID.eq(repliedTo))));
            }
            case LIST -> {
                var la2 = LIST_ACCOUNTS.as("la2");
                yield replies.or(DSL.exists(DSL.selectOne().from(la2).where(la2.LIST_ID.eq(list.id()))
                        .and(la2.ACCOUNT_ID.eq(repliedTo))));
            }
            case NONE -> replies;
        };
        // One member's statuses the list shows, newest first (oldest first for min_id), at most a page of them: the
        // page is the first of all members' together, so each member is read through its own index range and for
        // at most a page, however much the members post (a walk of all statuses by id visited every status of
        // everyone until the page filled; all of each member's statuses sorted together cost as much).
        var ofMember = DSL.select(s.ID).from(s)
                .leftJoin(original).on(original.ID.eq(s.REBLOG_OF_ID))
                .where(s.ACCOUNT_ID.eq(member))
                .and(s.VISIBILITY.ne(Visibility.DIRECT.wireName()))
                .and(s.REBLOG_OF_ID.isNull().or(follow.ID.isNull().or(follow.SHOW_REBLOGS.isTrue())
                        .and(original.ACCOUNT_ID.ne(owner))))
                .and(follow.LANGUAGES.isNull().or(s.LANGUAGE.isNull())
                        .or(follow.LANGUAGES.contains(DSL.concat(DSL.inline("\""), s.LANGUAGE, DSL.inline("\"")))))
                .and(replies)
                .and(Paging.bounds(s.ID, page))
                .orderBy(page.ascending() ? s.ID.asc() : s.ID.desc())
                .limit(page.limit());
        // PostgreSQL runs it as a LATERAL join per member. SQLite has no LATERAL: there the page of each member is
        // the list a statuses id must be IN, a correlated subquery SQLite runs once per member (PostgreSQL instead
        // walked every status and ran it for each: seconds).
        boolean lateral = tx.dialect() == Database.Dialect.POSTGRES;
        var paged = ofMember.asTable("lm");
        Field<Long> id = lateral ? paged.field(s.ID) : STATUSES.ID;
        var joined = tx.dsl().select(id).from(LIST_ACCOUNTS)
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(member))
                .leftJoin(follow).on(follow.ACCOUNT_ID.eq(owner)).and(follow.TARGET_ACCOUNT_ID.eq(member));
        var rows = lateral ? joined.crossJoin(DSL.lateral(paged))
                : joined.join(STATUSES).on(STATUSES.ID.in(ofMember));
        var q = rows.where(LIST_ACCOUNTS.LIST_ID.eq(list.id()))
                .and(ACCOUNTS.SUSPENDED_AT.isNull())
                .and(member.eq(owner).or(follow.ID.isNotNull()))
                .and(ViewerFilters.authorAllowed(member, ACCOUNTS.DOMAIN, owner, now));
        return Paging.fetch(q, id, page).stream().map(r -> r.value1()).toList();
    }

    public static UserList toList(Record r) {
        return new UserList(r.get(LISTS.ID), r.get(LISTS.ACCOUNT_ID), r.get(LISTS.TITLE),
                UserList.RepliesPolicy.parse(r.get(LISTS.REPLIES_POLICY)).orElse(UserList.RepliesPolicy.LIST),
                r.get(LISTS.EXCLUSIVE), r.get(LISTS.CREATED_AT), r.get(LISTS.UPDATED_AT));
    }
}
