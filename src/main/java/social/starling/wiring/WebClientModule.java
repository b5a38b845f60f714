package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.web.WebKit;
import social.starling.api.web.client.ClientArea;
import social.starling.api.web.client.WebClientRoutes;

/** The web client for members under /web: timelines, posting and the actions on a post. */
public final class WebClientModule implements Module {
    private final WebClientRoutes home;

    public WebClientModule(Core core, AccountComponents accounts, StatusComponents statuses,
                           InteractionComponents interactions, Edges edges) {
        var area = new ClientArea(WebKit.create(core.config(), accounts.instance(), accounts.sessions()));
        this.home = new WebClientRoutes(area, statuses.homeFeed(), statuses.post(), interactions.favourites(),
                statuses.views(), edges.statusApi());
    }

    @Override
    public void routes(RouteTable routes) {
        home.register(routes);
    }
}
