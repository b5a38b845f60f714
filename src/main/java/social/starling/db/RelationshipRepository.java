package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNT_DOMAIN_BLOCKS;
import static social.starling.db.schema.Tables.ACCOUNT_NOTES;
import static social.starling.db.schema.Tables.ACCOUNT_PINS;
import static social.starling.db.schema.Tables.BLOCKS;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.FOLLOW_REQUESTS;
import static social.starling.db.schema.Tables.LISTS;
import static social.starling.db.schema.Tables.LIST_ACCOUNTS;
import static social.starling.db.schema.Tables.MUTES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Record;
import org.jooq.impl.DSL;
import social.starling.model.Follow;

/** The social graph: follows, follow requests, blocks, mutes and per-user domain blocks. */
public final class RelationshipRepository {
    private final RenderedOnce rendered = new RenderedOnce();

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public RelationshipRepository(ObjectMapper json) {
        this.json = json;
    }

    // Follows and requests --------------------------------------------------------------------------------------

    public void insertFollow(Tx tx, Follow f) {
        tx.dsl().insertInto(FOLLOWS)
                .set(FOLLOWS.ID, f.id())
                .set(FOLLOWS.ACCOUNT_ID, f.accountId())
                .set(FOLLOWS.TARGET_ACCOUNT_ID, f.targetAccountId())
                .set(FOLLOWS.SHOW_REBLOGS, f.showReblogs())
                .set(FOLLOWS.NOTIFY, f.notifyPosts())
                .set(FOLLOWS.LANGUAGES, languages(f.languages()))
                .set(FOLLOWS.URI, f.uri())
                .set(FOLLOWS.CREATED_AT, f.createdAt())
                .execute();
        ListFeedRepository.unbuildOwnedBy(tx, List.of(f.accountId())); // replies to them may now show in lists
    }

    public void insertRequest(Tx tx, Follow f) {
        tx.dsl().insertInto(FOLLOW_REQUESTS)
                .set(FOLLOW_REQUESTS.ID, f.id())
                .set(FOLLOW_REQUESTS.ACCOUNT_ID, f.accountId())
                .set(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID, f.targetAccountId())
                .set(FOLLOW_REQUESTS.SHOW_REBLOGS, f.showReblogs())
                .set(FOLLOW_REQUESTS.NOTIFY, f.notifyPosts())
                .set(FOLLOW_REQUESTS.LANGUAGES, languages(f.languages()))
                .set(FOLLOW_REQUESTS.URI, f.uri())
                .set(FOLLOW_REQUESTS.CREATED_AT, f.createdAt())
                .execute();
    }

    public Optional<Follow> findFollow(Tx tx, long accountId, long targetId) {
        return tx.dsl().selectFrom(FOLLOWS).where(FOLLOWS.ACCOUNT_ID.eq(accountId))
                .and(FOLLOWS.TARGET_ACCOUNT_ID.eq(targetId)).fetchOptional(this::toFollow);
    }

    public Optional<Follow> findRequest(Tx tx, long accountId, long targetId) {
        return tx.dsl().selectFrom(FOLLOW_REQUESTS).where(FOLLOW_REQUESTS.ACCOUNT_ID.eq(accountId))
                .and(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID.eq(targetId)).fetchOptional(this::toRequest);
    }

    public void updateFollow(Tx tx, long id, boolean showReblogs, boolean notify, List<String> languages) {
        tx.dsl().update(FOLLOWS).set(FOLLOWS.SHOW_REBLOGS, showReblogs).set(FOLLOWS.NOTIFY, notify)
                .set(FOLLOWS.LANGUAGES, languages(languages)).where(FOLLOWS.ID.eq(id)).execute();
        // What the follow shows (reblogs, languages) is what the follower's lists show of its target.
        Long follower = tx.dsl().select(FOLLOWS.ACCOUNT_ID).from(FOLLOWS).where(FOLLOWS.ID.eq(id))
                .fetchOne(FOLLOWS.ACCOUNT_ID);
        if (follower != null) {
            ListFeedRepository.unbuildOwnedBy(tx, List.of(follower));
        }
    }

    /**
     * Ends a follow. Like Mastodon's foreign key from list_accounts to follows (ON DELETE CASCADE), the target also
     * leaves every list of the follower's: lists hold only people one follows. A follow made, changed or ended
     * unbuilds the follower's list feeds ({@link ListFeedRepository}): what the lists show depends on it.
     */
    public boolean deleteFollow(Tx tx, long accountId, long targetId) {
        boolean deleted = tx.dsl().deleteFrom(FOLLOWS).where(FOLLOWS.ACCOUNT_ID.eq(accountId))
                .and(FOLLOWS.TARGET_ACCOUNT_ID.eq(targetId)).execute() == 1;
        if (deleted) {
            tx.dsl().deleteFrom(LIST_ACCOUNTS).where(LIST_ACCOUNTS.ACCOUNT_ID.eq(targetId))
                    .and(LIST_ACCOUNTS.LIST_ID.in(DSL.select(LISTS.ID).from(LISTS).where(LISTS.ACCOUNT_ID.eq(accountId))))
                    .execute();
            ListFeedRepository.unbuildOwnedBy(tx, List.of(accountId));
        }
        return deleted;
    }

    public boolean deleteRequest(Tx tx, long accountId, long targetId) {
        return tx.dsl().deleteFrom(FOLLOW_REQUESTS).where(FOLLOW_REQUESTS.ACCOUNT_ID.eq(accountId))
                .and(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID.eq(targetId)).execute() == 1;
    }

    public boolean follows(Tx tx, long accountId, long targetId) {
        return tx.dsl().fetchExists(FOLLOWS, FOLLOWS.ACCOUNT_ID.eq(accountId).and(FOLLOWS.TARGET_ACCOUNT_ID.eq(targetId)));
    }

    /** Of {@code targets}, those {@code accountId} follows. */
    public Set<Long> followedAmong(Tx tx, long accountId, Collection<Long> targets) {
        if (targets.isEmpty()) {
            return Set.of();
        }
        List<Object> values = new java.util.ArrayList<>(targets.size() + 1);
        values.add(accountId);
        values.addAll(targets);
        // On every page with others' followers-only statuses: rendered and prepared once per IN-list size.
        return new HashSet<>(rendered.fetch(tx, List.of("followedAmong", targets.size()),
                () -> tx.dsl().select(FOLLOWS.TARGET_ACCOUNT_ID).from(FOLLOWS)
                        .where(FOLLOWS.ACCOUNT_ID.eq(accountId)).and(FOLLOWS.TARGET_ACCOUNT_ID.in(targets)),
                FOLLOWED_FIELDS, values.toArray()).map(r -> r.get(0, Long.class)));
    }

    private static final List<org.jooq.Field<?>> FOLLOWED_FIELDS = List.of(FOLLOWS.TARGET_ACCOUNT_ID);

    /** Of {@code accounts}, those who follow {@code targetId}. */
    public Set<Long> followersAmong(Tx tx, long targetId, Collection<Long> accounts) {
        if (accounts.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(tx.dsl().select(FOLLOWS.ACCOUNT_ID).from(FOLLOWS)
                .where(FOLLOWS.TARGET_ACCOUNT_ID.eq(targetId)).and(FOLLOWS.ACCOUNT_ID.in(accounts))
                .fetch(FOLLOWS.ACCOUNT_ID));
    }

    public Map<Long, Follow> followsOf(Tx tx, long accountId, Collection<Long> targets) {
        if (targets.isEmpty()) {
            return Map.of();
        }
        return tx.dsl().selectFrom(FOLLOWS).where(FOLLOWS.ACCOUNT_ID.eq(accountId))
                .and(FOLLOWS.TARGET_ACCOUNT_ID.in(targets))
                .fetchMap(FOLLOWS.TARGET_ACCOUNT_ID, this::toFollow);
    }

    public Set<Long> requestedAmong(Tx tx, long accountId, Collection<Long> targets) {
        if (targets.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(tx.dsl().select(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID).from(FOLLOW_REQUESTS)
                .where(FOLLOW_REQUESTS.ACCOUNT_ID.eq(accountId)).and(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID.in(targets))
                .fetch(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID));
    }

    public Set<Long> requestersAmong(Tx tx, long targetId, Collection<Long> accounts) {
        if (accounts.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(tx.dsl().select(FOLLOW_REQUESTS.ACCOUNT_ID).from(FOLLOW_REQUESTS)
                .where(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID.eq(targetId)).and(FOLLOW_REQUESTS.ACCOUNT_ID.in(accounts))
                .fetch(FOLLOW_REQUESTS.ACCOUNT_ID));
    }

    /** The followers of {@code targetId} who follow with {@code notify} (told of each new post). */
    public List<Long> notifiedFollowers(Tx tx, long targetId) {
        return tx.dsl().select(FOLLOWS.ACCOUNT_ID).from(FOLLOWS)
                .where(FOLLOWS.TARGET_ACCOUNT_ID.eq(targetId)).and(FOLLOWS.NOTIFY.isTrue()).fetch(FOLLOWS.ACCOUNT_ID);
    }

    public List<Long> followingIds(Tx tx, long accountId) {
        return tx.dsl().select(FOLLOWS.TARGET_ACCOUNT_ID).from(FOLLOWS).where(FOLLOWS.ACCOUNT_ID.eq(accountId))
                .fetch(FOLLOWS.TARGET_ACCOUNT_ID);
    }

    public int countPendingRequests(Tx tx, long targetId) {
        return tx.dsl().fetchCount(FOLLOW_REQUESTS, FOLLOW_REQUESTS.TARGET_ACCOUNT_ID.eq(targetId));
    }

    // Blocks, mutes, domain blocks --------------------------------------------------------------------------

    public void insertBlock(Tx tx, long id, long accountId, long targetId, Instant now) {
        tx.dsl().insertInto(BLOCKS).set(BLOCKS.ID, id).set(BLOCKS.ACCOUNT_ID, accountId)
                .set(BLOCKS.TARGET_ACCOUNT_ID, targetId).set(BLOCKS.CREATED_AT, now)
                .onConflictDoNothing().execute();
    }

    public boolean deleteBlock(Tx tx, long accountId, long targetId) {
        return tx.dsl().deleteFrom(BLOCKS).where(BLOCKS.ACCOUNT_ID.eq(accountId))
                .and(BLOCKS.TARGET_ACCOUNT_ID.eq(targetId)).execute() == 1;
    }

    public boolean blocks(Tx tx, long accountId, long targetId) {
        return tx.dsl().fetchExists(BLOCKS, BLOCKS.ACCOUNT_ID.eq(accountId).and(BLOCKS.TARGET_ACCOUNT_ID.eq(targetId)));
    }

    public Set<Long> blockedBy(Tx tx, long accountId) {
        return new HashSet<>(tx.dsl().select(BLOCKS.TARGET_ACCOUNT_ID).from(BLOCKS)
                .where(BLOCKS.ACCOUNT_ID.eq(accountId)).fetch(BLOCKS.TARGET_ACCOUNT_ID));
    }

    public Set<Long> blockersOf(Tx tx, long accountId) {
        return new HashSet<>(tx.dsl().select(BLOCKS.ACCOUNT_ID).from(BLOCKS)
                .where(BLOCKS.TARGET_ACCOUNT_ID.eq(accountId)).fetch(BLOCKS.ACCOUNT_ID));
    }

    /** Active mutes by {@code accountId}: target → hides notifications too. */
    public Map<Long, Boolean> mutedBy(Tx tx, long accountId, Instant now) {
        return tx.dsl().select(MUTES.TARGET_ACCOUNT_ID, MUTES.HIDE_NOTIFICATIONS).from(MUTES)
                .where(MUTES.ACCOUNT_ID.eq(accountId))
                .and(MUTES.EXPIRES_AT.isNull().or(MUTES.EXPIRES_AT.gt(now)))
                .fetchMap(MUTES.TARGET_ACCOUNT_ID, MUTES.HIDE_NOTIFICATIONS);
    }

    public void upsertMute(Tx tx, long id, long accountId, long targetId, boolean hideNotifications, Instant expiresAt,
                           Instant now) {
        tx.dsl().insertInto(MUTES).set(MUTES.ID, id).set(MUTES.ACCOUNT_ID, accountId)
                .set(MUTES.TARGET_ACCOUNT_ID, targetId).set(MUTES.HIDE_NOTIFICATIONS, hideNotifications)
                .set(MUTES.EXPIRES_AT, expiresAt).set(MUTES.CREATED_AT, now)
                .onConflict(MUTES.ACCOUNT_ID, MUTES.TARGET_ACCOUNT_ID).doUpdate()
                .set(MUTES.HIDE_NOTIFICATIONS, hideNotifications).set(MUTES.EXPIRES_AT, expiresAt)
                .execute();
    }

    public boolean deleteMute(Tx tx, long accountId, long targetId) {
        return tx.dsl().deleteFrom(MUTES).where(MUTES.ACCOUNT_ID.eq(accountId))
                .and(MUTES.TARGET_ACCOUNT_ID.eq(targetId)).execute() == 1;
    }

    public Set<String> blockedDomains(Tx tx, long accountId) {
        return new HashSet<>(tx.dsl().select(ACCOUNT_DOMAIN_BLOCKS.DOMAIN).from(ACCOUNT_DOMAIN_BLOCKS)
                .where(ACCOUNT_DOMAIN_BLOCKS.ACCOUNT_ID.eq(accountId)).fetch(ACCOUNT_DOMAIN_BLOCKS.DOMAIN));
    }

    // ------------------------------------------------------------------------------------------------------

    public Follow toFollow(Record r) {
        return new Follow(r.get(FOLLOWS.ID), r.get(FOLLOWS.ACCOUNT_ID), r.get(FOLLOWS.TARGET_ACCOUNT_ID),
                r.get(FOLLOWS.SHOW_REBLOGS), r.get(FOLLOWS.NOTIFY), parseLanguages(r.get(FOLLOWS.LANGUAGES)),
                r.get(FOLLOWS.URI), r.get(FOLLOWS.CREATED_AT));
    }

    public Follow toRequest(Record r) {
        return new Follow(r.get(FOLLOW_REQUESTS.ID), r.get(FOLLOW_REQUESTS.ACCOUNT_ID),
                r.get(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID), r.get(FOLLOW_REQUESTS.SHOW_REBLOGS),
                r.get(FOLLOW_REQUESTS.NOTIFY), parseLanguages(r.get(FOLLOW_REQUESTS.LANGUAGES)),
                r.get(FOLLOW_REQUESTS.URI), r.get(FOLLOW_REQUESTS.CREATED_AT));
    }

    private String languages(List<String> languages) {
        if (languages == null || languages.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(languages);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> parseLanguages(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(raw, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    // Private notes and endorsements (Relationship.note, Relationship.endorsed) -----------------------------------

    /** Stores {@code comment} as the note {@code accountId} keeps about {@code targetId}; an empty one deletes it. */
    public void setNote(Tx tx, long accountId, long targetId, String comment, Instant now) {
        var t = ACCOUNT_NOTES;
        if (comment.isEmpty()) {
            tx.dsl().deleteFrom(t).where(t.ACCOUNT_ID.eq(accountId)).and(t.TARGET_ACCOUNT_ID.eq(targetId)).execute();
            return;
        }
        tx.dsl().insertInto(t).set(t.ACCOUNT_ID, accountId).set(t.TARGET_ACCOUNT_ID, targetId)
                .set(t.COMMENT, comment).set(t.UPDATED_AT, now)
                .onConflict(t.ACCOUNT_ID, t.TARGET_ACCOUNT_ID).doUpdate()
                .set(t.COMMENT, comment).set(t.UPDATED_AT, now)
                .execute();
    }

    /** The notes {@code accountId} keeps about any of {@code targets}, by target. */
    public Map<Long, String> notesAbout(Tx tx, long accountId, Collection<Long> targets) {
        Map<Long, String> out = new HashMap<>();
        if (targets.isEmpty()) {
            return out;
        }
        tx.dsl().select(ACCOUNT_NOTES.TARGET_ACCOUNT_ID, ACCOUNT_NOTES.COMMENT).from(ACCOUNT_NOTES)
                .where(ACCOUNT_NOTES.ACCOUNT_ID.eq(accountId)).and(ACCOUNT_NOTES.TARGET_ACCOUNT_ID.in(targets))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** Endorses {@code targetId}; nothing if already endorsed. */
    public void insertEndorsement(Tx tx, long id, long accountId, long targetId, Instant now) {
        var t = ACCOUNT_PINS;
        tx.dsl().insertInto(t).set(t.ID, id).set(t.ACCOUNT_ID, accountId).set(t.TARGET_ACCOUNT_ID, targetId)
                .set(t.CREATED_AT, now)
                .onConflict(t.ACCOUNT_ID, t.TARGET_ACCOUNT_ID).doNothing()
                .execute();
    }

    public boolean deleteEndorsement(Tx tx, long accountId, long targetId) {
        return tx.dsl().deleteFrom(ACCOUNT_PINS).where(ACCOUNT_PINS.ACCOUNT_ID.eq(accountId))
                .and(ACCOUNT_PINS.TARGET_ACCOUNT_ID.eq(targetId)).execute() > 0;
    }

    public Set<Long> endorsedAmong(Tx tx, long accountId, Collection<Long> targets) {
        if (targets.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(tx.dsl().select(ACCOUNT_PINS.TARGET_ACCOUNT_ID).from(ACCOUNT_PINS)
                .where(ACCOUNT_PINS.ACCOUNT_ID.eq(accountId)).and(ACCOUNT_PINS.TARGET_ACCOUNT_ID.in(targets))
                .fetch(ACCOUNT_PINS.TARGET_ACCOUNT_ID));
    }

    /** Accounts endorsed by any of {@code accountIds} (the staff picks among suggestions), newest first. */
    public List<Long> endorsedBy(Tx tx, Collection<Long> accountIds, int limit) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return tx.dsl().select(ACCOUNT_PINS.TARGET_ACCOUNT_ID, DSL.max(ACCOUNT_PINS.ID)).from(ACCOUNT_PINS)
                .where(ACCOUNT_PINS.ACCOUNT_ID.in(accountIds))
                .groupBy(ACCOUNT_PINS.TARGET_ACCOUNT_ID)
                .orderBy(DSL.max(ACCOUNT_PINS.ID).desc())
                .limit(limit)
                .fetch(ACCOUNT_PINS.TARGET_ACCOUNT_ID);
    }
}
