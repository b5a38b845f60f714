package social.starling.service.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.ReportRepository;
import social.starling.db.RuleRepository;
import social.starling.db.Tx;
import social.starling.db.UserRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.Page;
import social.starling.model.Report;
import social.starling.model.Rule;
import social.starling.model.User;
import social.starling.model.view.AdminReportView;
import social.starling.model.view.AdminReportView.Party;
import social.starling.model.view.StatusView;
import social.starling.service.status.StatusViews;

/**
 * The moderators' report queue (Mastodon's Api::V1::Admin::ReportsController): list open or resolved reports, show
 * one, change its category and rules, take it on or give it up, resolve and reopen it. Every change is written to
 * the audit log in its own transaction (target type Report; verbs update, assigned_to_self, unassigned, resolve,
 * reopen), as Mastodon's log_action. Reported statuses are shown to moderators whatever their visibility.
 */
public final class AdminReportService {
    public static final String TARGET_TYPE = "Report";

    /** A page of the queue, and the ids it read (for the Link header). */
    public record Listing(List<AdminReportView> reports, List<Long> ids) {
    }

    private final Database db;
    private final ReportRepository reports;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final RuleRepository rules;
    private final StatusViews statuses;
    private final AuditLog audit;
    private final Clock clock;

    public AdminReportService(Database db, ReportRepository reports, AccountRepository accounts, UserRepository users,
                              RuleRepository rules, StatusViews statuses, AuditLog audit, Clock clock) {
        this.db = db;
        this.reports = reports;
        this.accounts = accounts;
        this.users = users;
        this.rules = rules;
        this.statuses = statuses;
        this.audit = audit;
        this.clock = clock;
    }

    /** Open reports (or resolved ones), by reporter and target when given, newest first. */
    public Listing list(long moderatorId, boolean resolved, Long accountId, Long targetId, Page page) {
        List<Report> found = db.read(tx -> reports.page(tx, resolved, accountId, targetId, page));
        return new Listing(views(moderatorId, found), found.stream().map(Report::id).toList());
    }

    public AdminReportView show(long moderatorId, long id) {
        Report report = db.read(tx -> require(tx, id));
        return views(moderatorId, List.of(report)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Record not found"));
    }

    /**
     * Changes the category and rules: a category outside Mastodon's list is a 422; rule ids make an unspecified
     * category a violation, must name this server's rules, and are dropped for any other category.
     */
    public AdminReportView update(long moderatorId, long id, String category, List<String> ruleIds) {
        List<Long> wantedRules = new ArrayList<>();
        if (ruleIds != null) {
            for (String v : ruleIds) {
                if (v == null || v.isBlank()) {
                    continue;
                }
                try {
                    wantedRules.add(Long.parseLong(v.trim()));
                } catch (NumberFormatException e) {
                    throw new UnprocessableException("Validation failed: Rule ids must be existing rules");
                }
            }
        }
        String chosen = category == null || category.isBlank() ? null : category.trim();
        if (chosen != null && !Report.CATEGORIES.contains(chosen)) {
            throw new UnprocessableException("Validation failed: Category is not included in the list");
        }
        db.inTransaction(tx -> {
            Report r = require(tx, id);
            String next = chosen != null ? chosen : ruleIds != null && !wantedRules.isEmpty() ? "violation"
                    : r.category();
            List<Long> nextRules = !"violation".equals(next) ? List.of()
                    : ruleIds != null ? List.copyOf(new LinkedHashSet<>(wantedRules)) : r.ruleIds();
            Set<Long> known = rules.all(tx).stream().map(Rule::id).collect(Collectors.toSet());
            if (!known.containsAll(nextRules)) {
                throw new UnprocessableException("Validation failed: Rule ids must be existing rules");
            }
            reports.setCategory(tx, id, next, nextRules, clock.instant());
            audit.record(tx, moderatorId, "update", TARGET_TYPE, id, Long.toString(id));
            return null;
        });
        return show(moderatorId, id);
    }

    public AdminReportView assignToSelf(long moderatorId, long id) {
        return change(moderatorId, id, "assigned_to_self", (tx, now) -> reports.assign(tx, id, moderatorId, now));
    }

    public AdminReportView unassign(long moderatorId, long id) {
        return change(moderatorId, id, "unassigned", (tx, now) -> reports.assign(tx, id, null, now));
    }

    /** Resolves the report with no further action (Mastodon's Report#resolve!), or again if it was resolved. */
    public AdminReportView resolve(long moderatorId, long id) {
        return change(moderatorId, id, "resolve", (tx, now) -> reports.setResolved(tx, id, moderatorId, now, now));
    }

    /** Reopens the report (Mastodon's Report#unresolve!). */
    public AdminReportView reopen(long moderatorId, long id) {
        return change(moderatorId, id, "reopen", (tx, now) -> reports.setResolved(tx, id, null, null, now));
    }

    private interface Change {
        void apply(Tx tx, Instant now);
    }

    private AdminReportView change(long moderatorId, long id, String action, Change change) {
        db.inTransaction(tx -> {
            require(tx, id);
            change.apply(tx, clock.instant());
            audit.record(tx, moderatorId, action, TARGET_TYPE, id, Long.toString(id));
            return null;
        });
        return show(moderatorId, id);
    }

    private Report require(Tx tx, long id) {
        return reports.find(tx, id).orElseThrow(() -> new NotFoundException("Record not found"));
    }

    private List<AdminReportView> views(long moderatorId, List<Report> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<Long> accountIds = new HashSet<>();
        List<Long> statusIds = new ArrayList<>();
        for (Report r : found) {
            accountIds.add(r.accountId());
            accountIds.add(r.targetAccountId());
            if (r.assignedAccountId() != null) {
                accountIds.add(r.assignedAccountId());
            }
            if (r.actionTakenByAccountId() != null) {
                accountIds.add(r.actionTakenByAccountId());
            }
            r.statusIds().stream().filter(s -> !statusIds.contains(s)).forEach(statusIds::add);
        }
        Map<Long, Party> parties = new HashMap<>();
        List<Rule> allRules = db.read(tx -> {
            Map<Long, User> logins = users.findAll(tx, accountIds).stream()
                    .collect(Collectors.toMap(User::accountId, Function.identity()));
            for (Account a : accounts.findAll(tx, accountIds)) {
                parties.put(a.id(), new Party(a, logins.get(a.id())));
            }
            return rules.all(tx);
        });
        Map<Long, Rule> rulesById = allRules.stream().collect(Collectors.toMap(Rule::id, Function.identity()));
        Map<Long, StatusView> shown = new HashMap<>();
        // Moderators see what was reported whatever its visibility, as Mastodon's admin serializer does.
        statuses.load(statusIds, moderatorId, StatusViews.Mode.NEUTRAL, null)
                .forEach(v -> shown.put(v.status().id(), v));
        List<AdminReportView> out = new ArrayList<>();
        for (Report r : found) {
            Party account = parties.get(r.accountId());
            Party target = parties.get(r.targetAccountId());
            if (account == null || target == null) {
                continue; // an account deleted since: its reports go with it (ON DELETE CASCADE)
            }
            out.add(new AdminReportView(r, account, target,
                    r.assignedAccountId() == null ? null : parties.get(r.assignedAccountId()),
                    r.actionTakenByAccountId() == null ? null : parties.get(r.actionTakenByAccountId()),
                    r.statusIds().stream().map(shown::get).filter(v -> v != null).toList(),
                    r.ruleIds().stream().map(rulesById::get).filter(v -> v != null).toList()));
        }
        return out;
    }
}
