package social.starling.wiring;

import social.starling.App;
import social.starling.api.PublicRoutes;
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
import social.starling.convert.InstanceApiMapper;
import social.starling.convert.NodeInfoMapper;
import social.starling.service.instance.DefaultTexts;

/** Instance endpoints, discovery documents, health and metrics. */
public final class PublicModule implements Module {
    @Override
    public void install(App app, Wiring wiring) {
        var instanceApi = new InstanceApiMapper(app.baseUrl, app.accountApi);
        var instance = app.instance;
        String description = app.config.instance().description()
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        wiring.routes(new PublicRoutes(
                new InstanceV1Handler(instance, instanceApi),
                new InstanceHandler(instance, instanceApi),
                new RulesHandler(instance, instanceApi),
                new PeersHandler(instance),
                new ActivityHandler(instance),
                new PageHandler(instance, PageHandler.Kind.EXTENDED_DESCRIPTION, "<p>" + description + "</p>"),
                new PageHandler(instance, PageHandler.Kind.PRIVACY_POLICY, DefaultTexts.PRIVACY_POLICY),
                new PageHandler(instance, PageHandler.Kind.TERMS_OF_SERVICE, ""),
                new NodeInfoHandler(instance, new NodeInfoMapper(), app.json, app.baseUrl),
                new HostMetaHandler(app.baseUrl),
                new HealthHandler(app.db, app.admission::isReady),
                new MetricsHandler(app.metrics)));
    }
}
