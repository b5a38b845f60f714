package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.streaming.StreamHub;
import social.starling.api.web.WebKit;
import social.starling.api.web.client.ClientArea;
import social.starling.api.web.client.WebNotificationsRoutes;
import social.starling.api.web.client.WebSettingsRoutes;
import social.starling.convert.NotificationApiMapper;

/**
 * The web client's notifications (the page, and its live event stream through the streaming hub, which is why
 * this module takes the hub that {@link StreamingModule} built) and the member's settings pages.
 */
public final class WebSettingsModule implements Module {
    private final WebNotificationsRoutes notifications;
    private final WebSettingsRoutes settings;

    public WebSettingsModule(Core core, AccountComponents accounts, GraphComponents graph,
                             NotificationComponents notificationComponents, StreamHub hub, Edges edges) {
        var area = new ClientArea(WebKit.create(core.config(), accounts.instance(), accounts.sessions()));
        this.notifications = new WebNotificationsRoutes(area, notificationComponents.query(),
                notificationComponents.markers(), new NotificationApiMapper(edges.accountApi(), edges.statusApi()),
                hub, core.config().streaming().keepAlive());
        this.settings = new WebSettingsRoutes(area, accounts.queries(), accounts.updateCredentials(),
                accounts.logins(), accounts.resetPassword(), accounts.tokens(), graph.queries(),
                graph.relationships(), edges.accountApi(), core.domain());
    }

    @Override
    public void routes(RouteTable routes) {
        notifications.register(routes);
        settings.register(routes);
    }
}
