package social.starling.api.web;

import io.javalin.http.Handler;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.config.Config;
import social.starling.service.account.AdminAccountService;
import social.starling.service.instance.InstanceService;
import social.starling.service.instance.RegistrationSettings;
import social.starling.service.moderation.AdminDashboardService;
import social.starling.service.moderation.AdminReportService;
import social.starling.service.moderation.AuditLogView;
import social.starling.service.moderation.DomainBlockCsv;
import social.starling.service.moderation.DomainModerationService;
import social.starling.service.moderation.RuleService;
import social.starling.service.moderation.StrikeService;
import social.starling.service.security.SessionService;

/**
 * The staff's HTML pages under {@code /admin}, and the member's strikes page {@code /disputes/strikes} (see
 * {@link AdminArea} for who may open what). As on the other pages, errors answer as pages and every POST needs this
 * browser's CSRF token ({@link Pages#page}, {@link Pages#form}).
 */
public final class AdminRoutes implements Routes {
    private final Pages pages;
    private final AdminArea area;
    private final AdminDashboardHandler dashboard;
    private final AdminAccountsHandler accounts;
    private final AdminRulesHandler rules;
    private final AdminRegistrationsHandler registrations;
    private final AdminAuditLogHandler auditLog;
    private final AdminReportsHandler reports;
    private final AdminDomainBlocksHandler domainBlocks;
    private final AdminAccountNotesHandler accountNotes;
    private final DisputesHandler disputes;

    public AdminRoutes(Config config, InstanceService instance, SessionService sessions, AdminAccountService admin,
                       RuleService rules, RegistrationSettings registrations, AdminDashboardService dashboard,
                       AuditLogView auditLog, AdminReportService reports, DomainModerationService domains,
                       DomainBlockCsv domainCsv, StrikeService strikes) {
        Cookies cookies = new Cookies("https".equalsIgnoreCase(config.server().protocol()));
        Csrf csrf = new Csrf(cookies);
        WebSession session = new WebSession(sessions, cookies, csrf);
        this.pages = new Pages(instance, session, csrf);
        this.area = new AdminArea(session, pages);
        this.dashboard = new AdminDashboardHandler(dashboard, area);
        this.accounts = new AdminAccountsHandler(admin, area);
        this.rules = new AdminRulesHandler(rules, area);
        this.registrations = new AdminRegistrationsHandler(registrations, config.instance(), area);
        this.auditLog = new AdminAuditLogHandler(auditLog, area);
        this.reports = new AdminReportsHandler(reports, admin, area);
        this.domainBlocks = new AdminDomainBlocksHandler(domains, domainCsv, area);
        this.accountNotes = new AdminAccountNotesHandler(admin, strikes, area);
        this.disputes = new DisputesHandler(strikes, area);
    }

    @Override
    public void register(RouteTable table) {
        var r = table.web();
        r.get("/admin", page(dashboard::show));
        r.get("/admin/reports", page(reports::list));
        r.get("/admin/reports/{id}", page(reports::show));
        r.post("/admin/reports/{id}/assign_to_self", form(reports::assignToSelf));
        r.post("/admin/reports/{id}/unassign", form(reports::unassign));
        r.post("/admin/reports/{id}/resolve", form(reports::resolve));
        r.post("/admin/reports/{id}/reopen", form(reports::reopen));
        r.post("/admin/reports/{id}/action", form(reports::action));
        r.get("/admin/domain_blocks", page(domainBlocks::list));
        r.post("/admin/domain_blocks", form(domainBlocks::create));
        r.get("/admin/domain_blocks/export.csv", page(domainBlocks::export));
        r.post("/admin/domain_blocks/import", form(domainBlocks::importCsv));
        r.get("/admin/domain_blocks/{id}/edit", page(domainBlocks::edit));
        r.post("/admin/domain_blocks/{id}", form(domainBlocks::update));
        r.post("/admin/domain_blocks/{id}/delete", form(domainBlocks::delete));

        r.get("/admin/accounts", page(accounts::list));
        r.get("/admin/accounts/{username}", page(accountNotes::show));
        r.post("/admin/accounts/{username}/notes", form(accountNotes::addNote));
        r.post("/admin/accounts/{username}/notes/{id}/delete", form(accountNotes::deleteNote));
        r.post("/admin/accounts/{username}/approve", form(accounts::approve));
        r.get("/admin/accounts/{username}/reject", page(accounts::confirmReject));
        r.post("/admin/accounts/{username}/reject", form(accounts::reject));
        r.post("/admin/accounts/{username}/disable", form(accounts::disable));
        r.post("/admin/accounts/{username}/enable", form(accounts::enable));

        r.get("/admin/rules", page(rules::list));
        r.post("/admin/rules", form(rules::create));
        r.get("/admin/rules/{id}/edit", page(rules::edit));
        r.post("/admin/rules/{id}", form(rules::update));
        r.post("/admin/rules/{id}/delete", form(rules::delete));
        r.post("/admin/rules/{id}/move", form(rules::move));

        r.get("/admin/settings/registrations", page(registrations::show));
        r.post("/admin/settings/registrations", form(registrations::update));

        r.get("/admin/audit_log", page(auditLog::show));

        r.get("/admin/disputes/appeals", page(disputes::queue));
        r.post("/admin/disputes/appeals/{id}/approve", form(disputes::approve));
        r.post("/admin/disputes/appeals/{id}/reject", form(disputes::reject));
        r.get("/disputes/strikes", page(disputes::mine));
        r.post("/disputes/strikes/{id}/appeal", form(disputes::appeal));
    }

    private Handler page(Handler handler) {
        return pages.page(handler);
    }

    private Handler form(Handler handler) {
        return pages.form(handler);
    }
}
