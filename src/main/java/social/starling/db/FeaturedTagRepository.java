package social.starling.db;

import static social.starling.db.schema.Tables.FEATURED_TAGS;
import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.STATUS_TAGS;
import static social.starling.db.schema.Tables.TAGS;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.impl.DSL;

/** Hashtags featured on profiles (table {@code featured_tags}) and the use figures they are shown with. */
public final class FeaturedTagRepository {
    /** A featured tag: its own id, the tag's id and the name as the person featured it. */
    public record Row(long id, long accountId, long tagId, String name) {
    }

    /** How often an account used a tag in public and unlisted statuses, and when last. */
    public record Use(long count, Instant lastStatusAt) {
    }

    public void insert(Tx tx, long id, long accountId, long tagId, String name, Instant now) {
        var t = FEATURED_TAGS;
        tx.dsl().insertInto(t).set(t.ID, id).set(t.ACCOUNT_ID, accountId).set(t.TAG_ID, tagId).set(t.NAME, name)
                .set(t.CREATED_AT, now).onConflict(t.ACCOUNT_ID, t.TAG_ID).doNothing().execute();
    }

    public List<Row> of(Tx tx, long accountId) {
        var t = FEATURED_TAGS;
        return tx.dsl().select(t.ID, t.ACCOUNT_ID, t.TAG_ID, t.NAME).from(t).where(t.ACCOUNT_ID.eq(accountId))
                .orderBy(t.ID).fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public Optional<Row> find(Tx tx, long accountId, long id) {
        var t = FEATURED_TAGS;
        return tx.dsl().select(t.ID, t.ACCOUNT_ID, t.TAG_ID, t.NAME).from(t)
                .where(t.ID.eq(id)).and(t.ACCOUNT_ID.eq(accountId))
                .fetchOptional(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public Optional<Row> findByTag(Tx tx, long accountId, long tagId) {
        var t = FEATURED_TAGS;
        return tx.dsl().select(t.ID, t.ACCOUNT_ID, t.TAG_ID, t.NAME).from(t)
                .where(t.TAG_ID.eq(tagId)).and(t.ACCOUNT_ID.eq(accountId))
                .fetchOptional(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public boolean delete(Tx tx, long accountId, long id) {
        return tx.dsl().deleteFrom(FEATURED_TAGS).where(FEATURED_TAGS.ID.eq(id))
                .and(FEATURED_TAGS.ACCOUNT_ID.eq(accountId)).execute() > 0;
    }

    public int count(Tx tx, long accountId) {
        return tx.dsl().fetchCount(FEATURED_TAGS, FEATURED_TAGS.ACCOUNT_ID.eq(accountId));
    }

    /** Which of {@code tagIds} {@code accountId} features. */
    public Set<Long> featuredAmong(Tx tx, long accountId, Collection<Long> tagIds) {
        if (tagIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(tx.dsl().select(FEATURED_TAGS.TAG_ID).from(FEATURED_TAGS)
                .where(FEATURED_TAGS.ACCOUNT_ID.eq(accountId)).and(FEATURED_TAGS.TAG_ID.in(tagIds))
                .fetch(FEATURED_TAGS.TAG_ID));
    }

    /** Per tag: the account's public and unlisted original statuses using it (FeaturedTag#reset_data). */
    public Map<Long, Use> use(Tx tx, long accountId, Collection<Long> tagIds) {
        Map<Long, Use> out = new HashMap<>();
        if (tagIds.isEmpty()) {
            return out;
        }
        var count = DSL.count();
        var last = DSL.max(STATUSES.CREATED_AT);
        tx.dsl().select(STATUS_TAGS.TAG_ID, count, last).from(STATUS_TAGS)
                .join(STATUSES).on(STATUSES.ID.eq(STATUS_TAGS.STATUS_ID))
                .where(STATUS_TAGS.TAG_ID.in(tagIds)).and(STATUSES.ACCOUNT_ID.eq(accountId))
                .and(STATUSES.VISIBILITY.in("public", "unlisted")).and(STATUSES.REBLOG_OF_ID.isNull())
                .groupBy(STATUS_TAGS.TAG_ID)
                .forEach(r -> out.put(r.value1(), new Use(r.value2(), r.value3())));
        return out;
    }

    /**
     * Tags the account used most in its latest {@code recent} statuses, most used first, leaving out the ones it
     * features (Tag.recently_used in Api::V1::FeaturedTags::SuggestionsController).
     */
    public List<TagRepository.Tag> recentlyUsed(Tx tx, long accountId, int recent, int limit) {
        var latest = DSL.select(STATUSES.ID).from(STATUSES).where(STATUSES.ACCOUNT_ID.eq(accountId))
                .orderBy(STATUSES.ID.desc()).limit(recent).asTable("latest");
        var latestId = latest.field(STATUSES.ID);
        var uses = DSL.count();
        return tx.dsl().select(TAGS.ID, TAGS.NAME, uses).from(STATUS_TAGS)
                .join(latest).on(latestId.eq(STATUS_TAGS.STATUS_ID))
                .join(TAGS).on(TAGS.ID.eq(STATUS_TAGS.TAG_ID))
                .where(STATUS_TAGS.TAG_ID.notIn(DSL.select(FEATURED_TAGS.TAG_ID).from(FEATURED_TAGS)
                        .where(FEATURED_TAGS.ACCOUNT_ID.eq(accountId))))
                .groupBy(TAGS.ID, TAGS.NAME)
                .orderBy(uses.desc(), TAGS.ID.desc())
                .limit(limit)
                .fetch(r -> new TagRepository.Tag(r.value1(), r.value2()));
    }
}
