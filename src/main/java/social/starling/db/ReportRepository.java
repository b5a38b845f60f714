package social.starling.db;

import static social.starling.db.schema.Tables.REPORTS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;

/** Reports of accounts (and some of their statuses) to this server's moderators. */
public final class ReportRepository {
    private final ObjectMapper json;

    public ReportRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Inserts a report; false if one with the same {@code uri} and target exists (a Flag delivered twice). */
    public boolean insert(Tx tx, long id, long reporterId, long targetId, List<Long> statusIds, String comment,
                          String uri, Instant now) {
        String ids;
        try {
            ids = json.writeValueAsString(statusIds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var insert = tx.dsl().insertInto(REPORTS)
                .set(REPORTS.ID, id).set(REPORTS.ACCOUNT_ID, reporterId).set(REPORTS.TARGET_ACCOUNT_ID, targetId)
                .set(REPORTS.STATUS_IDS, ids).set(REPORTS.COMMENT, comment).set(REPORTS.URI, uri)
                .set(REPORTS.CREATED_AT, now);
        return (uri == null ? insert.execute() : insert.onConflict(REPORTS.URI, REPORTS.TARGET_ACCOUNT_ID).doNothing().execute()) == 1;
    }

    /** How many reports name {@code targetId} (for tests and, later, the moderation UI). */
    public int countAbout(Tx tx, long targetId) {
        return tx.dsl().fetchCount(REPORTS, REPORTS.TARGET_ACCOUNT_ID.eq(targetId));
    }
}
