package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.web.AdminRoutes;
import social.starling.config.Config;
import social.starling.db.AdminRepository;
import social.starling.db.AuditLogRepository;
import social.starling.db.ReportRepository;
import social.starling.service.moderation.AdminDashboardService;
import social.starling.service.moderation.AdminReportService;
import social.starling.service.moderation.AuditLogView;

/** The staff's web pages under /admin: dashboard, accounts, rules, registrations, audit log. */
public final class AdminWebModule implements Module {
    private final AdminRoutes pages;

    public AdminWebModule(Config config, Core core, Repositories repos, AccountComponents accounts,
                          StatusComponents statuses, ModerationComponents moderation) {
        var dashboard = new AdminDashboardService(core.db(), repos.users(), core.jobRepository(),
                new AdminRepository(), core.clock());
        var auditLog = new AuditLogView(core.db(), new AuditLogRepository(), repos.accounts());
        this.pages = new AdminRoutes(config, accounts.instance(), accounts.sessions(), accounts.admin(),
                moderation.rules(), accounts.registrationSettings(), dashboard, auditLog,
                new AdminReportService(core.db(), new ReportRepository(core.json()), repos.accounts(),
                        repos.users(), repos.rules(), statuses.views(), moderation.auditLog(), core.clock()),
                moderation.domains(), moderation.domainCsv(), accounts.strikes());
    }

    @Override
    public void routes(RouteTable routes) {
        pages.register(routes);
    }
}
