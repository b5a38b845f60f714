package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.admin.reports.AdminReportsHandler;
import social.starling.convert.AdminReportApiMapper;
import social.starling.db.ReportRepository;
import social.starling.service.moderation.AdminReportService;

/** The moderators' report queue: {@code /api/v1/admin/reports} (Mastodon's admin reports API). */
public final class AdminReportsModule implements Module {
    private final AdminReportsHandler reports;

    public AdminReportsModule(Core core, Repositories repos, StatusComponents statuses,
                              ModerationComponents moderation, Edges edges) {
        var service = new AdminReportService(core.db(), new ReportRepository(core.json()), repos.accounts(),
                repos.users(), repos.rules(), statuses.views(), moderation.auditLog(), core.clock());
        this.reports = new AdminReportsHandler(edges.auth(), service,
                new AdminReportApiMapper(moderation.adminAccountApi(), edges.statusApi()), edges.json(),
                edges.baseUrl());
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi()
                .get("/api/v1/admin/reports", reports::index)
                .get("/api/v1/admin/reports/{id}", reports::show)
                .update("/api/v1/admin/reports/{id}", reports::update)
                .post("/api/v1/admin/reports/{id}/assign_to_self", reports::assignToSelf)
                .post("/api/v1/admin/reports/{id}/unassign", reports::unassign)
                .post("/api/v1/admin/reports/{id}/resolve", reports::resolve)
                .post("/api/v1/admin/reports/{id}/reopen", reports::reopen);
    }
}
