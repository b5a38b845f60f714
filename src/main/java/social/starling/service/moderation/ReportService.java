package social.starling.service.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.ReportRepository;
import social.starling.db.RuleRepository;
import social.starling.db.StatusRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.IdGenerator;
import social.starling.model.Report;
import social.starling.model.Rule;
import social.starling.model.Status;
import social.starling.service.outbox.Outbox;

/**
 * A member files a report (Mastodon's ReportService through Api::V1::ReportsController#create): about an account,
 * with some of its statuses, a comment of at most 1,000 characters, a category (with rule ids the category is
 * "violation", as Mastodon makes it; rule ids must name this server's rules), and, for an account of another
 * server, optionally forwarded there as a Flag from the instance actor.
 */
public final class ReportService {
    static final int MAX_COMMENT = 1_000;

    /** What the reporter asked for; {@code category} and the lists may be null. */
    public record Request(long targetId, List<String> statusIds, String comment, String category,
                          List<String> ruleIds, boolean forward) {
    }

    private final Database db;
    private final ReportRepository reports;
    private final AccountRepository accounts;
    private final StatusRepository statuses;
    private final RuleRepository rules;
    private final Outbox outbox;
    private final StaffNotifier staff;
    private final IdGenerator ids;
    private final Clock clock;

    public ReportService(Database db, ReportRepository reports, AccountRepository accounts, StatusRepository statuses,
                         RuleRepository rules, Outbox outbox, StaffNotifier staff, IdGenerator ids, Clock clock) {
        this.staff = staff;
        this.db = db;
        this.reports = reports;
        this.accounts = accounts;
        this.statuses = statuses;
        this.rules = rules;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    public Report file(long reporterId, Request r) {
        String comment = r.comment() == null ? "" : r.comment();
        if (comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            throw new UnprocessableException("Validation failed: Comment is too long (maximum is " + MAX_COMMENT
                    + " characters)");
        }
        List<Long> ruleIds = longs(r.ruleIds(), "Validation failed: Rule ids must be existing rules");
        String category = !ruleIds.isEmpty() ? "violation"
                : r.category() == null || r.category().isBlank() ? "other" : r.category().trim();
        if (!Report.CATEGORIES.contains(category)) {
            throw new UnprocessableException("Validation failed: Category is not included in the list");
        }
        if (!"violation".equals(category)) {
            ruleIds = List.of();
        }
        List<Long> wantedStatuses = longs(r.statusIds(), "Record not found");
        List<Long> rulesChosen = ruleIds;
        return db.inTransaction(tx -> {
            Account target = accounts.find(tx, r.targetId()).filter(a -> a.id() != reporterId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            List<Long> found = new ArrayList<>();
            var rows = statuses.findAll(tx, wantedStatuses);
            for (long id : wantedStatuses) {
                Status s = rows.get(id);
                if (s == null || s.accountId() != target.id() || s.isReblog()) {
                    throw new NotFoundException("Record not found");
                }
                found.add(id);
            }
            Set<Long> known = rules.all(tx).stream().map(Rule::id).collect(Collectors.toSet());
            if (!known.containsAll(rulesChosen)) {
                throw new UnprocessableException("Validation failed: Rule ids must be existing rules");
            }
            Report report = new Report(ids.next(), reporterId, target.id(), List.copyOf(found), comment, category,
                    rulesChosen, r.forward() && !target.isLocal(), null, clock.instant());
            reports.insertLocal(tx, report);
            outbox.reported(tx, report);
            staff.reported(tx, report);
            return report;
        });
    }

    /** The report with its target, for the answer. */
    public Account target(Report report) {
        return db.read(tx -> accounts.require(tx, report.targetAccountId()));
    }

    private static List<Long> longs(List<String> values, String error) {
        Set<Long> out = new LinkedHashSet<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            try {
                out.add(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                if (error.startsWith("Record")) {
                    throw new NotFoundException(error);
                }
                throw new UnprocessableException(error);
            }
        }
        return List.copyOf(out);
    }
}
