package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.reports.ReportsHandler;
import social.starling.convert.ReportApiMapper;
import social.starling.db.ReportRepository;
import social.starling.service.moderation.ReportService;

/** Reports by members ({@code POST /api/v1/reports}); the moderators' side comes with the rest of moderation. */
public final class ModerationModule implements Module {
    private final ReportsHandler reports;

    public ModerationModule(Core core, Repositories repos, StatusComponents statuses, ModerationComponents moderation,
                            social.starling.service.moderation.StaffNotifier staff, Edges edges) {
        var service = new ReportService(core.db(), new ReportRepository(core.json()), repos.accounts(),
                repos.statuses(), repos.rules(), statuses.outbox(), staff, core.ids(), core.clock());
        this.reports = new ReportsHandler(edges.auth(), service, new ReportApiMapper(edges.accountApi()),
                edges.json());
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi().post("/api/v1/reports", reports::create);
    }
}
