package social.starling.api;

import io.javalin.router.JavalinDefaultRoutingApi;
import social.starling.api.mastodon.v1.instance.ActivityHandler;
import social.starling.api.mastodon.v1.instance.InstanceV1Handler;
import social.starling.api.mastodon.v1.instance.PageHandler;
import social.starling.api.mastodon.v1.instance.PeersHandler;
import social.starling.api.mastodon.v1.instance.RulesHandler;
import social.starling.api.mastodon.v2.InstanceHandler;
import social.starling.api.ops.HealthHandler;
import social.starling.api.ops.MetricsHandler;
import social.starling.api.wellknown.HostMetaHandler;
import social.starling.api.wellknown.NodeInfoHandler;

/** Routes that need no login: the instance endpoints, discovery documents and operations. */
public final class PublicRoutes implements Routes {
    private final InstanceV1Handler instanceV1;
    private final InstanceHandler instanceV2;
    private final RulesHandler rules;
    private final PeersHandler peers;
    private final ActivityHandler activity;
    private final PageHandler extendedDescription;
    private final PageHandler privacyPolicy;
    private final PageHandler termsOfService;
    private final NodeInfoHandler nodeInfo;
    private final HostMetaHandler hostMeta;
    private final HealthHandler health;
    private final MetricsHandler metrics;

    public PublicRoutes(InstanceV1Handler instanceV1, InstanceHandler instanceV2, RulesHandler rules,
                        PeersHandler peers, ActivityHandler activity, PageHandler extendedDescription,
                        PageHandler privacyPolicy, PageHandler termsOfService, NodeInfoHandler nodeInfo,
                        HostMetaHandler hostMeta, HealthHandler health, MetricsHandler metrics) {
        this.instanceV1 = instanceV1;
        this.instanceV2 = instanceV2;
        this.rules = rules;
        this.peers = peers;
        this.activity = activity;
        this.extendedDescription = extendedDescription;
        this.privacyPolicy = privacyPolicy;
        this.termsOfService = termsOfService;
        this.nodeInfo = nodeInfo;
        this.hostMeta = hostMeta;
        this.health = health;
        this.metrics = metrics;
    }

    @Override
    public void register(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/instance", instanceV1);
        r.get("/api/v2/instance", instanceV2);
        r.get("/api/v1/instance/rules", rules);
        r.get("/api/v1/instance/peers", peers);
        r.get("/api/v1/instance/activity", activity);
        r.get("/api/v1/instance/extended_description", extendedDescription);
        r.get("/api/v1/instance/privacy_policy", privacyPolicy);
        r.get("/api/v1/instance/terms_of_service", termsOfService);
        r.get("/api/v1/instance/terms_of_service/{date}", termsOfService);
        r.get("/api/v1/instance/domain_blocks", ctx -> ctx.json(java.util.List.of()));
        r.get("/api/v1/instance/translation_languages", ctx -> ctx.json(java.util.Map.of()));
        r.get("/api/v1/instance/languages", ctx -> ctx.json(java.util.List.of(
                java.util.Map.of("code", "en", "name", "English"))));
        r.get("/.well-known/nodeinfo", nodeInfo::discovery);
        r.get("/nodeinfo/{version}", nodeInfo::document);
        r.get("/.well-known/host-meta", hostMeta::handle);
        r.get("/.well-known/host-meta.json", hostMeta::handle);
        r.get("/livez", health::live);
        r.get("/readyz", health::ready);
        r.get("/metrics", metrics::handle);
    }
}
