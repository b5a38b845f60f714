package social.starling.db;

import static social.starling.db.schema.Tables.REPORTS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import social.starling.model.Report;

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

    /** A report filed here by a local member (POST /api/v1/reports). */
    public void insertLocal(Tx tx, Report r) {
        tx.dsl().insertInto(REPORTS)
                .set(REPORTS.ID, r.id()).set(REPORTS.ACCOUNT_ID, r.accountId())
                .set(REPORTS.TARGET_ACCOUNT_ID, r.targetAccountId()).set(REPORTS.STATUS_IDS, write(r.statusIds()))
                .set(REPORTS.COMMENT, r.comment()).set(REPORTS.CATEGORY, r.category())
                .set(REPORTS.RULE_IDS, write(r.ruleIds())).set(REPORTS.FORWARDED, r.forwarded())
                .set(REPORTS.CREATED_AT, r.createdAt())
                .execute();
    }

    public Optional<Report> find(Tx tx, long id) {
        return tx.dsl().selectFrom(REPORTS).where(REPORTS.ID.eq(id)).fetchOptional(this::toReport);
    }

    /** The reports about {@code targetId}, oldest first (tests and, later, the moderation queue). */
    public List<Report> about(Tx tx, long targetId) {
        return tx.dsl().selectFrom(REPORTS).where(REPORTS.TARGET_ACCOUNT_ID.eq(targetId)).orderBy(REPORTS.ID)
                .fetch(this::toReport);
    }

    private String write(List<Long> ids) {
        try {
            return json.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Long> read(String text) {
        try {
            return text == null ? List.of() : List.of(json.readValue(text, Long[].class));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private Report toReport(social.starling.db.schema.tables.records.ReportsRecord r) {
        return new Report(r.getId(), r.getAccountId(), r.getTargetAccountId(), read(r.getStatusIds()),
                r.getComment(), r.getCategory(), read(r.getRuleIds()), Boolean.TRUE.equals(r.getForwarded()),
                r.getActionTakenAt(), r.getCreatedAt());
    }

    /** How many reports name {@code targetId} (for tests and, later, the moderation UI). */
    public int countAbout(Tx tx, long targetId) {
        return tx.dsl().fetchCount(REPORTS, REPORTS.TARGET_ACCOUNT_ID.eq(targetId));
    }
}
