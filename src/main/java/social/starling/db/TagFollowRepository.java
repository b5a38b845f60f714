package social.starling.db;

import static social.starling.db.schema.Tables.TAGS;
import static social.starling.db.schema.Tables.TAG_FOLLOWS;

import java.time.Instant;
import java.util.List;

/** Followed hashtags (tag_follows). */
public final class TagFollowRepository {
    /** A followed tag, with the follow's id (what /api/v1/followed_tags pages by). */
    public record FollowedTag(long followId, TagRepository.Tag tag) {
    }

    /** Follows the tag; following again changes nothing (Mastodon 4.1: idempotent). */
    public void follow(Tx tx, long id, long accountId, long tagId, Instant now) {
        tx.dsl().insertInto(TAG_FOLLOWS)
                .set(TAG_FOLLOWS.ID, id)
                .set(TAG_FOLLOWS.ACCOUNT_ID, accountId)
                .set(TAG_FOLLOWS.TAG_ID, tagId)
                .set(TAG_FOLLOWS.CREATED_AT, now)
                .onConflict(TAG_FOLLOWS.ACCOUNT_ID, TAG_FOLLOWS.TAG_ID).doNothing()
                .execute();
    }

    public boolean unfollow(Tx tx, long accountId, long tagId) {
        return tx.dsl().deleteFrom(TAG_FOLLOWS).where(TAG_FOLLOWS.ACCOUNT_ID.eq(accountId))
                .and(TAG_FOLLOWS.TAG_ID.eq(tagId)).execute() == 1;
    }

    public boolean follows(Tx tx, long accountId, long tagId) {
        return tx.dsl().fetchExists(TAG_FOLLOWS, TAG_FOLLOWS.ACCOUNT_ID.eq(accountId).and(TAG_FOLLOWS.TAG_ID.eq(tagId)));
    }

    /** A page of the tags {@code accountId} follows, newest follow first. */
    public List<FollowedTag> page(Tx tx, long accountId, social.starling.model.Page page) {
        var q = tx.dsl().select(TAG_FOLLOWS.ID, TAGS.ID, TAGS.NAME).from(TAG_FOLLOWS)
                .join(TAGS).on(TAGS.ID.eq(TAG_FOLLOWS.TAG_ID))
                .where(TAG_FOLLOWS.ACCOUNT_ID.eq(accountId));
        return Paging.fetch(q, TAG_FOLLOWS.ID, page).stream()
                .map(r -> new FollowedTag(r.value1(), new TagRepository.Tag(r.value2(), r.value3()))).toList();
    }
}
