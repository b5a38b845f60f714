package social.starling.db;

import static social.starling.db.schema.Tables.REPORTS;
import static social.starling.db.schema.Tables.REPORT_NOTES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import social.starling.model.Page;
import social.starling.model.Report;
import social.starling.model.ReportNote;

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
                .set(REPORTS.CREATED_AT, now).set(REPORTS.UPDATED_AT, now);
        return (uri == null ? insert.execute() : insert.onConflict(REPORTS.URI, REPORTS.TARGET_ACCOUNT_ID).doNothing().execute()) == 1;
    }

    /** A report filed here by a local member (POST /api/v1/reports). */
    public void insertLocal(Tx tx, Report r) {
        tx.dsl().insertInto(REPORTS)
                .set(REPORTS.ID, r.id()).set(REPORTS.ACCOUNT_ID, r.accountId())
                .set(REPORTS.TARGET_ACCOUNT_ID, r.targetAccountId()).set(REPORTS.STATUS_IDS, write(r.statusIds()))
                .set(REPORTS.COMMENT, r.comment()).set(REPORTS.CATEGORY, r.category())
                .set(REPORTS.RULE_IDS, write(r.ruleIds())).set(REPORTS.FORWARDED, r.forwarded())
                .set(REPORTS.CREATED_AT, r.createdAt()).set(REPORTS.UPDATED_AT, r.updatedAt())
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

    /** Reports by uri and target (the ids a Flag made), to notify about what was stored. */
    public Optional<Report> findByUri(Tx tx, String uri, long targetId) {
        return tx.dsl().selectFrom(REPORTS).where(REPORTS.URI.eq(uri)).and(REPORTS.TARGET_ACCOUNT_ID.eq(targetId))
                .fetchOptional(this::toReport);
    }

    /**
     * The moderators' queue (Mastodon's ReportFilter): resolved or open ones, optionally by reporter and by target,
     * newest first, paged by id.
     */
    public List<Report> page(Tx tx, boolean resolved, Long accountId, Long targetId, Page page) {
        Condition c = resolved ? REPORTS.ACTION_TAKEN_AT.isNotNull() : REPORTS.ACTION_TAKEN_AT.isNull();
        if (accountId != null) {
            c = c.and(REPORTS.ACCOUNT_ID.eq(accountId));
        }
        if (targetId != null) {
            c = c.and(REPORTS.TARGET_ACCOUNT_ID.eq(targetId));
        }
        return Paging.fetch(tx.dsl().selectFrom(REPORTS).where(c), REPORTS.ID, page).stream().map(this::toReport)
                .toList();
    }

    /** Whether another open report names the same target (Mastodon's Report#unresolved_siblings?). */
    public boolean otherOpenAbout(Tx tx, long targetId, long exceptId) {
        return tx.dsl().fetchExists(REPORTS, REPORTS.TARGET_ACCOUNT_ID.eq(targetId).and(REPORTS.ID.ne(exceptId))
                .and(REPORTS.ACTION_TAKEN_AT.isNull()));
    }

    public void assign(Tx tx, long id, Long moderatorId, Instant now) {
        tx.dsl().update(REPORTS).set(REPORTS.ASSIGNED_ACCOUNT_ID, moderatorId).set(REPORTS.UPDATED_AT, now)
                .where(REPORTS.ID.eq(id)).execute();
    }

    /** Resolves ({@code moderatorId} and {@code at}) or reopens (both null) a report. */
    public void setResolved(Tx tx, long id, Long moderatorId, Instant at, Instant now) {
        tx.dsl().update(REPORTS).set(REPORTS.ACTION_TAKEN_AT, at).set(REPORTS.ACTION_TAKEN_BY_ACCOUNT_ID, moderatorId)
                .set(REPORTS.UPDATED_AT, now).where(REPORTS.ID.eq(id)).execute();
    }

    public void setCategory(Tx tx, long id, String category, List<Long> ruleIds, Instant now) {
        tx.dsl().update(REPORTS).set(REPORTS.CATEGORY, category).set(REPORTS.RULE_IDS, write(ruleIds))
                .set(REPORTS.UPDATED_AT, now).where(REPORTS.ID.eq(id)).execute();
    }

    public void insertNote(Tx tx, ReportNote note) {
        tx.dsl().insertInto(REPORT_NOTES).set(REPORT_NOTES.ID, note.id()).set(REPORT_NOTES.REPORT_ID, note.reportId())
                .set(REPORT_NOTES.ACCOUNT_ID, note.accountId()).set(REPORT_NOTES.CONTENT, note.content())
                .set(REPORT_NOTES.CREATED_AT, note.createdAt()).execute();
    }

    /** A report's notes, oldest first. */
    public List<ReportNote> notes(Tx tx, long reportId) {
        return tx.dsl().selectFrom(REPORT_NOTES).where(REPORT_NOTES.REPORT_ID.eq(reportId)).orderBy(REPORT_NOTES.ID)
                .fetch(r -> new ReportNote(r.getId(), r.getReportId(), r.getAccountId(), r.getContent(),
                        r.getCreatedAt()));
    }

    /** Every report by id among {@code ids} (for notifications naming them). */
    public List<Report> findAll(Tx tx, java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : tx.dsl().selectFrom(REPORTS).where(REPORTS.ID.in(ids)).fetch(this::toReport);
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
                r.getActionTakenAt(), r.getCreatedAt(), r.getAssignedAccountId(), r.getActionTakenByAccountId(),
                r.getUpdatedAt() == null ? r.getCreatedAt() : r.getUpdatedAt());
    }

    /** How many reports name {@code targetId} (for tests and, later, the moderation UI). */
    public int countAbout(Tx tx, long targetId) {
        return tx.dsl().fetchCount(REPORTS, REPORTS.TARGET_ACCOUNT_ID.eq(targetId));
    }
}
