package social.starling.db;

import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.LIST_ACCOUNTS;
import static social.starling.db.schema.Tables.STATUSES;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import social.starling.db.schema.tables.Follows;
import social.starling.db.schema.tables.Statuses;
import social.starling.model.UserList;
import social.starling.model.Visibility;

/**
 * Which of a member's statuses a list shows: Mastodon's list rules (FeedManager#filter_from_list? and the home
 * rules it shares) as one condition over a list (its owner, id and replies policy) and a status by one of its
 * members. Fan-out ({@link ListFeedRepository#fanOut}) and the build of a list's feed ({@link
 * ListFeedRepository#build}) both select through {@link #admits}, so the two agree by construction.
 *
 * <p>The query using it selects from {@link #S} (the status), left-joins {@link #O} on {@code O.id =
 * S.reblog_of_id} and {@link #F}, the owner's follow of the author. A status is admitted when its author is the
 * owner or someone the owner follows, and: it is not direct; a reblog only where the follow shows reblogs, and not
 * of the owner's own status; the follow's languages, when it names some and the status has one; a reply only to
 * its own author, to the owner, or as the replies policy allows: {@code followed} to people the owner follows,
 * {@code list} to members, {@code none} no other. What the owner may change without touching the list or a follow
 * (mutes, blocks, domain blocks) and the author's suspension are applied when the feed is read.
 */
final class ListFeedRule {
    /** The status considered. */
    static final Statuses S = STATUSES.as("ls");
    /** The status {@link #S} reblogs, left-joined: all null when it reblogs nothing. */
    static final Statuses O = STATUSES.as("lo");
    /** The list owner's follow of {@link #S}'s author, left-joined. */
    static final Follows F = FOLLOWS.as("lf");

    private ListFeedRule() {
    }

    /** Whether {@link #S} belongs in the list {@code listId} of {@code owner} (see the class comment). */
    static Condition admits(Field<Long> owner, Field<Long> listId, Field<String> repliesPolicy) {
        Field<Long> repliedTo = S.IN_REPLY_TO_ACCOUNT_ID;
        var f2 = FOLLOWS.as("lf2");
        var la2 = LIST_ACCOUNTS.as("la2");
        Condition replies = repliedTo.isNull().or(repliedTo.eq(S.ACCOUNT_ID)).or(repliedTo.eq(owner))
                .or(repliesPolicy.eq(DSL.inline(UserList.RepliesPolicy.FOLLOWED.wireName()))
                        .and(DSL.exists(DSL.selectOne().from(f2).where(f2.ACCOUNT_ID.eq(owner))
                                .and(f2.TARGET_ACCOUNT_ID.eq(repliedTo)))))
                .or(repliesPolicy.eq(DSL.inline(UserList.RepliesPolicy.LIST.wireName()))
                        .and(DSL.exists(DSL.selectOne().from(la2).where(la2.LIST_ID.eq(listId))
                                .and(la2.ACCOUNT_ID.eq(repliedTo)))));
        return S.ACCOUNT_ID.eq(owner).or(F.ID.isNotNull())
                .and(S.VISIBILITY.ne(DSL.inline(Visibility.DIRECT.wireName())))
                .and(S.REBLOG_OF_ID.isNull().or(F.ID.isNull().or(F.SHOW_REBLOGS.isTrue())
                        .and(O.ACCOUNT_ID.ne(owner))))
                .and(F.LANGUAGES.isNull().or(S.LANGUAGE.isNull())
                        .or(F.LANGUAGES.contains(DSL.inline("\"").concat(S.LANGUAGE).concat(DSL.inline("\"")))))
                .and(replies);
    }
}
