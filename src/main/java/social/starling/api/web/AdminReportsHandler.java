package social.starling.api.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.Page;
import social.starling.model.Report;
import social.starling.model.view.AdminReportView;
import social.starling.model.view.AdminReportView.Party;
import social.starling.service.account.AdminAccountService;
import social.starling.service.moderation.AdminReportService;
import social.starling.service.security.SessionService.WebUser;

/**
 * {@code GET /admin/reports} (open reports, {@code ?resolved=1} for resolved ones, 40 a page) and
 * {@code GET /admin/reports/{id}} with its actions: {@code POST .../assign_to_self|unassign|resolve|reopen} and
 * {@code POST .../action} (an account action on the target, passing the report's id, then resolving the report).
 * Everything goes through {@link AdminReportService} and {@link AdminAccountService}, which write the audit log.
 */
final class AdminReportsHandler {
    static final int PAGE = 40;
    private static final int EXCERPT = 140;
    private static final List<String> ACTIONS = List.of("none", "sensitive", "silence", "suspend");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    private final AdminReportService reports;
    private final AdminAccountService admin;
    private final AdminArea area;

    AdminReportsHandler(AdminReportService reports, AdminAccountService admin, AdminArea area) {
        this.reports = reports;
        this.admin = admin;
        this.area = area;
    }

    void list(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.REPORTS);
        if (staff == null) {
            return;
        }
        boolean resolved = "1".equals(ctx.queryParam("resolved")) || "true".equals(ctx.queryParam("resolved"));
        Optional<Long> maxId = id(ctx.queryParam("max_id"));
        var listing = reports.list(staff.account().id(), resolved, null, null,
                new Page(maxId, Optional.empty(), Optional.empty(), PAGE));
        List<AdminReportsPage.Row> rows = listing.reports().stream().map(v -> new AdminReportsPage.Row(
                v.report().id(), v.account().account().acct(), v.target().account().acct(), v.report().category(),
                excerpt(v.report().comment()), v.report().createdAt(),
                v.assigned() == null ? null : v.assigned().account().acct())).toList();
        String older = listing.ids().size() == PAGE
                ? "/admin/reports?" + (resolved ? "resolved=1&" : "") + "max_id=" + listing.ids().getLast() : null;
        area.render(ctx, 200, "admin_reports.jte", resolved ? "Resolved reports" : "Reports", new AdminReportsPage(
                area.nav(staff.user().role(), AdminArea.Section.REPORTS), resolved, rows, older));
    }

    void show(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.REPORTS);
        if (staff == null) {
            return;
        }
        AdminReportView v = reports.show(staff.account().id(), reportId(ctx));
        Report r = v.report();
        Party target = v.target();
        boolean canAct = target.account().id() != staff.account().id() && (target.user() == null
                || AdminAccountService.outranks(staff.user().role(), target.user().role()));
        List<AdminReportPage.Post> posts = v.statuses().stream().map(s -> new AdminReportPage.Post(
                s.status().text() != null && !s.status().text().isBlank() ? s.status().text()
                        : TAGS.matcher(s.status().content() == null ? "" : s.status().content()).replaceAll(" ")
                                .strip(),
                s.status().visibility().toString().toLowerCase(java.util.Locale.ROOT), s.status().createdAt()))
                .toList();
        area.render(ctx, 200, "admin_report.jte", "Report " + r.id(), new AdminReportPage(
                area.nav(staff.user().role(), AdminArea.Section.REPORTS), notice(ctx.queryParam("notice")), r.id(),
                v.account().account().acct(), target.account().acct(), target.account().id(),
                state(target.account()), r.category(), r.comment(), r.forwarded(), r.createdAt(),
                v.assigned() == null ? null : v.assigned().account().acct(),
                r.assignedAccountId() != null && r.assignedAccountId() == staff.account().id(), r.resolved(),
                v.actionTakenBy() == null ? null : v.actionTakenBy().account().acct(), r.actionTakenAt(), posts,
                v.rules().stream().map(x -> x.text()).toList(), canAct));
    }

    void assignToSelf(Context ctx) {
        queue(ctx, "assigned", (staff, id) -> reports.assignToSelf(staff, id));
    }

    void unassign(Context ctx) {
        queue(ctx, "unassigned", (staff, id) -> reports.unassign(staff, id));
    }

    void resolve(Context ctx) {
        queue(ctx, "resolved", (staff, id) -> reports.resolve(staff, id));
    }

    void reopen(Context ctx) {
        queue(ctx, "reopened", (staff, id) -> reports.reopen(staff, id));
    }

    /**
     * An account action on the report's target, with the report's id: the action resolves the report in its own
     * transaction (AdminAccountService), as Mastodon's Admin::AccountAction does.
     */
    void action(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.REPORTS);
        if (staff == null) {
            return;
        }
        long id = reportId(ctx);
        String type = Optional.ofNullable(ctx.formParam("type")).orElse("").strip();
        if (!ACTIONS.contains(type)) {
            throw new UnprocessableException("Choose one of the actions: warn, limit, suspend or mark sensitive.");
        }
        String text = ctx.formParam("text");
        if (text != null && text.length() > 5_000) {
            throw new UnprocessableException("The text may have at most 5000 characters.");
        }
        boolean notify = ctx.formParam("send_notification") != null;
        long me = staff.account().id();
        AdminReportView v = reports.show(me, id);
        admin.perform(me, v.target().account().id(),
                new AdminAccountService.Action(type, text == null ? "" : text, id, notify));
        ctx.redirect("/admin/reports/" + id + "?notice=" + type);
    }

    private interface QueueAction {
        void run(long staffId, long reportId);
    }

    private void queue(Context ctx, String notice, QueueAction action) {
        WebUser staff = area.staff(ctx, AdminArea.Section.REPORTS);
        if (staff == null) {
            return;
        }
        long id = reportId(ctx);
        action.run(staff.account().id(), id);
        ctx.redirect("/admin/reports/" + id + "?notice=" + notice);
    }

    private static long reportId(Context ctx) {
        return id(ctx.pathParam("id")).orElseThrow(() -> new NotFoundException("Record not found"));
    }

    private static Optional<Long> id(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String excerpt(String comment) {
        if (comment == null || comment.isBlank()) {
            return "";
        }
        String c = comment.strip();
        return c.codePointCount(0, c.length()) <= EXCERPT ? c
                : c.substring(0, c.offsetByCodePoints(0, EXCERPT)) + "…";
    }

    private static String state(Account a) {
        return a.suspended() ? "Suspended" : a.silencedAt() != null ? "Limited" : "Active";
    }

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "assigned" -> "You took this report on.";
            case "unassigned" -> "Nobody is assigned to this report now.";
            case "resolved" -> "The report was resolved.";
            case "reopened" -> "The report was reopened.";
            case "none" -> "The account was warned and the report resolved.";
            case "sensitive" -> "The account's media is marked sensitive and the report resolved.";
            case "silence" -> "The account was limited and the report resolved.";
            case "suspend" -> "The account was suspended and the report resolved.";
            default -> null;
        };
    }
}
