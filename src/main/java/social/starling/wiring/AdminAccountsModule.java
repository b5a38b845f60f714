package social.starling.wiring;

import java.time.Duration;
import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.admin.AdminAccountsHandler;
import social.starling.db.InboxRepository;
import social.starling.jobs.JobRunner;
import social.starling.service.account.DeleteRemoteAccountService;
import social.starling.service.moderation.SuspensionPurgeService;

/**
 * The moderators' accounts API ({@code /api/v1/admin/accounts}, {@code /api/v2/admin/accounts}) and the hourly purge
 * of accounts suspended more than 30 days ago.
 */
public final class AdminAccountsModule implements Module {
    private final AdminAccountsHandler handler;
    private final SuspensionPurgeService purge;

    public AdminAccountsModule(Core core, Repositories repos, AccountComponents accounts, GraphComponents graph,
                               OutboxComponents outbox, ModerationComponents moderation, Edges edges) {
        var deleteRemote = new DeleteRemoteAccountService(core.db(), repos.accounts(), new InboxRepository(),
                repos.statuses(), repos.statusMarks(), graph.follows(), outbox.outbox(), accounts.changes(),
                core.clock());
        this.purge = new SuspensionPurgeService(core.db(), repos.accounts(), deleteRemote::delete, core.clock());
        this.handler = new AdminAccountsHandler(edges.auth(), accounts.admin(), purge, moderation.adminAccountApi(),
                edges.json(), edges.baseUrl());
    }

    /** For tests and the command line: the purge the hourly job runs. */
    public SuspensionPurgeService purge() {
        return purge;
    }

    @Override
    public void routes(RouteTable routes) {
        String one = "/api/v1/admin/accounts/{id}";
        routes.mastodonApi()
                .get("/api/v1/admin/accounts", handler::indexV1)
                .get("/api/v2/admin/accounts", handler::indexV2)
                .get(one, handler::show)
                .delete(one, handler::destroy)
                .post(one + "/action", handler::action)
                .post(one + "/approve", handler::approve)
                .post(one + "/reject", handler::reject)
                .post(one + "/enable", ctx -> handler.undo(ctx, "enable"))
                .post(one + "/unsilence", ctx -> handler.undo(ctx, "unsilence"))
                .post(one + "/unsuspend", ctx -> handler.undo(ctx, "unsuspend"))
                .post(one + "/unsensitive", ctx -> handler.undo(ctx, "unsensitive"));
    }

    @Override
    public void jobs(JobRunner jobs) {
        jobs.every("moderation.purge_suspended", Duration.ofHours(1), purge::sweep);
    }
}
