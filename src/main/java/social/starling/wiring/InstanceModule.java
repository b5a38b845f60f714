package social.starling.wiring;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.instance.ActivityHandler;
import social.starling.api.mastodon.v1.instance.InstanceV1Handler;
import social.starling.api.mastodon.v1.instance.PageHandler;
import social.starling.api.mastodon.v1.instance.PeersHandler;
import social.starling.api.mastodon.v1.instance.RulesHandler;
import social.starling.api.mastodon.v2.InstanceHandler;
import social.starling.api.wellknown.HostMetaHandler;
import social.starling.api.wellknown.NodeInfoHandler;
import social.starling.convert.InstanceApiMapper;
import social.starling.convert.NodeInfoMapper;
import social.starling.service.instance.DefaultTexts;
import social.starling.service.instance.InstanceService;

/**
 * The instance endpoints of the client API, and the discovery documents (NodeInfo, host-meta).
 * {@code /api/v1/instance/domain_blocks} is served by {@link AdminDomainsModule}.
 */
public final class InstanceModule implements Module {
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

    /** @param vapidPublicKey the server's Web Push key, for {@code configuration.vapid.public_key} */
    public InstanceModule(Core core, InstanceService instance, Edges edges, Supplier<String> vapidPublicKey) {
        var mapper = new InstanceApiMapper(core.baseUrl(), edges.accountApi(), instance.thumbnailBlurhash(),
                vapidPublicKey);
        String description = core.config().instance().description()
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        this.instanceV1 = new InstanceV1Handler(instance, mapper);
        this.instanceV2 = new InstanceHandler(instance, mapper);
        this.rules = new RulesHandler(instance, mapper);
        this.peers = new PeersHandler(instance);
        this.activity = new ActivityHandler(instance);
        this.extendedDescription = new PageHandler(instance, PageHandler.Kind.EXTENDED_DESCRIPTION,
                "<p>" + description + "</p>");
        this.privacyPolicy = new PageHandler(instance, PageHandler.Kind.PRIVACY_POLICY, DefaultTexts.PRIVACY_POLICY);
        this.termsOfService = new PageHandler(instance, PageHandler.Kind.TERMS_OF_SERVICE, "");
        this.nodeInfo = new NodeInfoHandler(instance, new NodeInfoMapper(), core.json(), core.baseUrl());
        this.hostMeta = new HostMetaHandler(core.baseUrl());
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi()
                .get("/api/v1/instance", instanceV1)
                .get("/api/v2/instance", instanceV2)
                .get("/api/v1/instance/rules", rules)
                .get("/api/v1/instance/peers", peers)
                .get("/api/v1/instance/activity", activity)
                .get("/api/v1/instance/extended_description", extendedDescription)
                .get("/api/v1/instance/privacy_policy", privacyPolicy)
                .get("/api/v1/instance/terms_of_service", termsOfService)
                .get("/api/v1/instance/terms_of_service/{date}", termsOfService)
                .get("/api/v1/instance/translation_languages", ctx -> ctx.json(Map.of()))
                .get("/api/v1/instance/languages", ctx -> ctx.json(List.of(Map.of("code", "en", "name", "English"))));
        routes.activityPub()
                .get("/.well-known/nodeinfo", nodeInfo::discovery)
                .get("/nodeinfo/{version}", nodeInfo::document)
                .get("/.well-known/host-meta", hostMeta::handle)
                .get("/.well-known/host-meta.json", hostMeta::handle);
    }
}
