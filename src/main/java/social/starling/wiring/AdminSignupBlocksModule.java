package social.starling.wiring;

import java.time.Duration;
import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.admin.CanonicalEmailBlocksHandler;
import social.starling.api.mastodon.v1.admin.DashboardHandler;
import social.starling.api.mastodon.v1.admin.EmailDomainBlocksHandler;
import social.starling.api.mastodon.v1.admin.IpBlocksHandler;
import social.starling.convert.DashboardApiMapper;
import social.starling.convert.SignupBlockApiMapper;
import social.starling.db.MetricsRepository;
import social.starling.errors.ForbiddenException;
import social.starling.jobs.JobRunner;
import social.starling.service.moderation.DashboardService;
import social.starling.service.moderation.SignupBlockService;
import social.starling.service.moderation.SignupPolicy;

/**
 * The sign-up blocks' admin API ({@code /api/v1/admin/email_domain_blocks}, {@code ip_blocks},
 * {@code canonical_email_blocks}), the {@code no_access} filter in front of every request, and the hourly purge of
 * expired IP blocks; and the dashboard's measures, dimensions and retention ({@code /api/v1/admin/measures} ...).
 */
public final class AdminSignupBlocksModule implements Module {
    private final SignupPolicy policy;
    private final SignupBlockService service;
    private final EmailDomainBlocksHandler emailDomains;
    private final IpBlocksHandler ips;
    private final CanonicalEmailBlocksHandler canonicals;
    private final DashboardHandler dashboard;

    public AdminSignupBlocksModule(Core core, ModerationComponents moderation, Edges edges) {
        this.policy = moderation.signupPolicy();
        this.service = moderation.signupBlocks();
        var mapper = new SignupBlockApiMapper();
        this.emailDomains = new EmailDomainBlocksHandler(edges.auth(), service, mapper, edges.json(), edges.baseUrl());
        this.ips = new IpBlocksHandler(edges.auth(), service, mapper, edges.json(), edges.baseUrl());
        this.canonicals = new CanonicalEmailBlocksHandler(edges.auth(), service, mapper, edges.json(),
                edges.baseUrl());
        this.dashboard = new DashboardHandler(edges.auth(),
                new DashboardService(core.db(), new MetricsRepository()), new DashboardApiMapper(), edges.json());
    }

    @Override
    public void routes(RouteTable routes) {
        // Mastodon refuses every request from a no_access range (Rack::Attack's blocklist).
        routes.before(ctx -> {
            if (policy.noAccess(ctx.ip())) {
                throw new ForbiddenException("This action is not allowed");
            }
        });
        routes.mastodonApi()
                .get("/api/v1/admin/email_domain_blocks", emailDomains::index)
                .post("/api/v1/admin/email_domain_blocks", emailDomains::create)
                .get("/api/v1/admin/email_domain_blocks/{id}", emailDomains::show)
                .delete("/api/v1/admin/email_domain_blocks/{id}", emailDomains::destroy)
                .get("/api/v1/admin/ip_blocks", ips::index)
                .post("/api/v1/admin/ip_blocks", ips::create)
                .get("/api/v1/admin/ip_blocks/{id}", ips::show)
                .update("/api/v1/admin/ip_blocks/{id}", ips::update)
                .delete("/api/v1/admin/ip_blocks/{id}", ips::destroy)
                .get("/api/v1/admin/canonical_email_blocks", canonicals::index)
                .post("/api/v1/admin/canonical_email_blocks", canonicals::create)
                .post("/api/v1/admin/canonical_email_blocks/test", canonicals::test)
                .get("/api/v1/admin/canonical_email_blocks/{id}", canonicals::show)
                .delete("/api/v1/admin/canonical_email_blocks/{id}", canonicals::destroy)
                .post("/api/v1/admin/measures", dashboard::measures)
                .post("/api/v1/admin/dimensions", dashboard::dimensions)
                .post("/api/v1/admin/retention", dashboard::retention);
    }

    @Override
    public void jobs(JobRunner jobs) {
        jobs.every("moderation.purge_expired_ip_blocks", Duration.ofHours(1), service::purgeExpired);
    }
}
