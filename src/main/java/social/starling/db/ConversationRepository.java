package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNT_CONVERSATIONS;
import static social.starling.db.schema.Tables.CONVERSATIONS;
import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.STATUS_MENTIONS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.impl.DSL;
import social.starling.model.IdGenerator;
import social.starling.model.Page;

/**
 * Threads (Mastodon's Conversation: the id a thread's statuses share) and direct-message threads per participant
 * (Mastodon's AccountConversation).
 */
public final class ConversationRepository {
    private static final TypeReference<List<Long>> LONGS = new TypeReference<>() {
    };

    /** One participant's view of a thread. */
    public record Row(long id, long accountId, long conversationId, List<Long> participantIds, Long lastStatusId,
                      boolean unread) {
    }

    private final ObjectMapper json;

    public ConversationRepository(ObjectMapper json) {
        this.json = json;
    }

    /** A new thread, which a status that replies to none starts. */
    public void create(Tx tx, long id, Instant now) {
        tx.dsl().insertInto(CONVERSATIONS).set(CONVERSATIONS.ID, id).set(CONVERSATIONS.CREATED_AT, now).execute();
    }

    /** The thread a remote server named {@code uri} (a note's {@code context} or {@code conversation}), made once. */
    public long findOrCreateByUri(Tx tx, IdGenerator ids, String uri, Instant now) {
        Optional<Long> found = tx.dsl().select(CONVERSATIONS.ID).from(CONVERSATIONS).where(CONVERSATIONS.URI.eq(uri))
                .orderBy(CONVERSATIONS.ID).limit(1).fetchOptional(CONVERSATIONS.ID);
        if (found.isPresent()) {
            return found.get();
        }
        long id = ids.next();
        tx.dsl().insertInto(CONVERSATIONS).set(CONVERSATIONS.ID, id).set(CONVERSATIONS.URI, uri)
                .set(CONVERSATIONS.CREATED_AT, now).execute();
        return id;
    }

    /** Records a new direct status in {@code accountId}'s view of the thread. */
    public void upsert(Tx tx, IdGenerator ids, long accountId, long conversationId, List<Long> participants,
                       long statusId, boolean unread, Instant now) {
        String p = write(participants);
        tx.dsl().insertInto(ACCOUNT_CONVERSATIONS)
                .set(ACCOUNT_CONVERSATIONS.ID, ids.next())
                .set(ACCOUNT_CONVERSATIONS.ACCOUNT_ID, accountId)
                .set(ACCOUNT_CONVERSATIONS.CONVERSATION_ID, conversationId)
                .set(ACCOUNT_CONVERSATIONS.PARTICIPANT_IDS, p)
                .set(ACCOUNT_CONVERSATIONS.LAST_STATUS_ID, statusId)
                .set(ACCOUNT_CONVERSATIONS.UNREAD, unread)
                .set(ACCOUNT_CONVERSATIONS.UPDATED_AT, now)
                .onConflict(ACCOUNT_CONVERSATIONS.ACCOUNT_ID, ACCOUNT_CONVERSATIONS.CONVERSATION_ID).doUpdate()
                .set(ACCOUNT_CONVERSATIONS.PARTICIPANT_IDS, p)
                .set(ACCOUNT_CONVERSATIONS.LAST_STATUS_ID, statusId)
                .set(ACCOUNT_CONVERSATIONS.UNREAD, unread)
                .set(ACCOUNT_CONVERSATIONS.UPDATED_AT, now)
                .execute();
    }

    /** Threads of {@code accountId}, most recently active first; paged by last status id. */
    public List<Row> page(Tx tx, long accountId, Page page) {
        var q = tx.dsl().selectFrom(ACCOUNT_CONVERSATIONS).where(ACCOUNT_CONVERSATIONS.ACCOUNT_ID.eq(accountId));
        return Paging.fetch(q, ACCOUNT_CONVERSATIONS.LAST_STATUS_ID, page).stream().map(this::toRow).toList();
    }

    /** {@code accountId}'s row for thread {@code conversationId}, if it has one. */
    public Optional<Row> findByConversation(Tx tx, long accountId, long conversationId) {
        return tx.dsl().selectFrom(ACCOUNT_CONVERSATIONS)
                .where(ACCOUNT_CONVERSATIONS.ACCOUNT_ID.eq(accountId))
                .and(ACCOUNT_CONVERSATIONS.CONVERSATION_ID.eq(conversationId)).fetchOptional(this::toRow);
    }

    public Optional<Row> find(Tx tx, long accountId, long id) {
        return tx.dsl().selectFrom(ACCOUNT_CONVERSATIONS).where(ACCOUNT_CONVERSATIONS.ID.eq(id))
                .and(ACCOUNT_CONVERSATIONS.ACCOUNT_ID.eq(accountId)).fetchOptional(this::toRow);
    }

    /**
     * The newest direct status of thread {@code conversationId} that {@code accountId} wrote or is mentioned in:
     * what a thread shows once its last status was deleted.
     */
    public Optional<Long> latestDirectStatus(Tx tx, long conversationId, long accountId) {
        return tx.dsl().select(STATUSES.ID).from(STATUSES)
                .where(STATUSES.CONVERSATION_ID.eq(conversationId)).and(STATUSES.VISIBILITY.eq(social.starling.model.Visibility.DIRECT.wireName()))
                .and(STATUSES.ACCOUNT_ID.eq(accountId).or(DSL.exists(DSL.selectOne().from(STATUS_MENTIONS)
                        .where(STATUS_MENTIONS.STATUS_ID.eq(STATUSES.ID))
                        .and(STATUS_MENTIONS.ACCOUNT_ID.eq(accountId)))))
                .orderBy(STATUSES.ID.desc()).limit(1).fetchOptional(STATUSES.ID);
    }

    public void markRead(Tx tx, long id) {
        tx.dsl().update(ACCOUNT_CONVERSATIONS).set(ACCOUNT_CONVERSATIONS.UNREAD, false)
                .where(ACCOUNT_CONVERSATIONS.ID.eq(id)).execute();
    }

    public void delete(Tx tx, long id) {
        tx.dsl().deleteFrom(ACCOUNT_CONVERSATIONS).where(ACCOUNT_CONVERSATIONS.ID.eq(id)).execute();
    }

    private Row toRow(Record r) {
        return new Row(r.get(ACCOUNT_CONVERSATIONS.ID), r.get(ACCOUNT_CONVERSATIONS.ACCOUNT_ID),
                r.get(ACCOUNT_CONVERSATIONS.CONVERSATION_ID), read(r.get(ACCOUNT_CONVERSATIONS.PARTICIPANT_IDS)),
                r.get(ACCOUNT_CONVERSATIONS.LAST_STATUS_ID), r.get(ACCOUNT_CONVERSATIONS.UNREAD));
    }

    private String write(List<Long> ids) {
        try {
            return json.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<Long> read(String raw) {
        try {
            return json.readValue(raw, LONGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
