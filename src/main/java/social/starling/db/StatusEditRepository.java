package social.starling.db;

import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.STATUS_EDITS;
import static social.starling.db.schema.Tables.STATUS_MENTIONS;
import static social.starling.db.schema.Tables.USERS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import org.jooq.Record;
import social.starling.model.StatusEdit;

/** Revisions of edited statuses, and the queries editing needs (mentions kept silent, local rebloggers). */
public final class StatusEditRepository {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public StatusEditRepository(ObjectMapper json) {
        this.json = json;
    }

    public void insert(Tx tx, StatusEdit e) {
        tx.dsl().insertInto(STATUS_EDITS)
                .set(STATUS_EDITS.ID, e.id())
                .set(STATUS_EDITS.STATUS_ID, e.statusId())
                .set(STATUS_EDITS.ACCOUNT_ID, e.accountId())
                .set(STATUS_EDITS.TEXT, e.text())
                .set(STATUS_EDITS.CONTENT, e.content())
                .set(STATUS_EDITS.SPOILER_TEXT, e.spoilerText())
                .set(STATUS_EDITS.SENSITIVE, e.sensitive())
                .set(STATUS_EDITS.POLL_OPTIONS, e.pollOptions() == null ? null : write(e.pollOptions()))
                .set(STATUS_EDITS.CREATED_AT, e.createdAt())
                .execute();
    }

    public boolean hasEdits(Tx tx, long statusId) {
        return tx.dsl().fetchExists(STATUS_EDITS, STATUS_EDITS.STATUS_ID.eq(statusId));
    }

    /** A status's revisions, oldest first. */
    public List<StatusEdit> list(Tx tx, long statusId) {
        return tx.dsl().selectFrom(STATUS_EDITS).where(STATUS_EDITS.STATUS_ID.eq(statusId))
                .orderBy(STATUS_EDITS.CREATED_AT, STATUS_EDITS.ID)
                .fetch(this::toEdit);
    }

    /** Adds a mention, or makes a silent one active again. */
    public void mention(Tx tx, long statusId, long accountId) {
        tx.dsl().insertInto(STATUS_MENTIONS)
                .set(STATUS_MENTIONS.STATUS_ID, statusId)
                .set(STATUS_MENTIONS.ACCOUNT_ID, accountId)
                .set(STATUS_MENTIONS.SILENT, false)
                .onConflict(STATUS_MENTIONS.STATUS_ID, STATUS_MENTIONS.ACCOUNT_ID)
                .doUpdate().set(STATUS_MENTIONS.SILENT, false)
                .execute();
    }

    /** Marks silent the mentions of accounts no longer named in the text (they keep access, get no more notices). */
    public void silenceMentionsExcept(Tx tx, long statusId, Collection<Long> keep) {
        var where = STATUS_MENTIONS.STATUS_ID.eq(statusId);
        if (!keep.isEmpty()) {
            where = where.and(STATUS_MENTIONS.ACCOUNT_ID.notIn(keep));
        }
        tx.dsl().update(STATUS_MENTIONS).set(STATUS_MENTIONS.SILENT, true).where(where).execute();
    }

    /** Local accounts that reblogged the status. */
    public List<Long> localRebloggers(Tx tx, long statusId) {
        return tx.dsl().select(STATUSES.ACCOUNT_ID).from(STATUSES)
                .join(USERS).on(USERS.ACCOUNT_ID.eq(STATUSES.ACCOUNT_ID))
                .where(STATUSES.REBLOG_OF_ID.eq(statusId))
                .fetch(STATUSES.ACCOUNT_ID);
    }

    /** Active (not silent) mentions of a status. */
    public List<Long> activeMentions(Tx tx, long statusId) {
        return tx.dsl().select(STATUS_MENTIONS.ACCOUNT_ID).from(STATUS_MENTIONS)
                .where(STATUS_MENTIONS.STATUS_ID.eq(statusId)).and(STATUS_MENTIONS.SILENT.isFalse())
                .fetch(STATUS_MENTIONS.ACCOUNT_ID);
    }

    private StatusEdit toEdit(Record r) {
        String poll = r.get(STATUS_EDITS.POLL_OPTIONS);
        return new StatusEdit(r.get(STATUS_EDITS.ID), r.get(STATUS_EDITS.STATUS_ID), r.get(STATUS_EDITS.ACCOUNT_ID),
                r.get(STATUS_EDITS.TEXT), r.get(STATUS_EDITS.CONTENT), r.get(STATUS_EDITS.SPOILER_TEXT),
                r.get(STATUS_EDITS.SENSITIVE), poll == null ? null : read(poll), r.get(STATUS_EDITS.CREATED_AT));
    }

    private String write(List<String> options) {
        try {
            return json.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> read(String raw) {
        try {
            return json.readValue(raw, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
