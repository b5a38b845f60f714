package social.starling.wiring;

import java.util.List;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.api.web.WebKit;
import social.starling.api.web.client.ClientArea;
import social.starling.api.web.client.WebClientRoutes;
import social.starling.api.web.client.WebPostRoutes;
import social.starling.api.web.client.WebStatusActions;
import social.starling.api.web.client.WebTimelineRoutes;

/**
 * The web client for members under /web: timelines, posting, threads, editing and deleting, and the actions on a
 * post; every page calls the same service as its Mastodon API twin.
 */
public final class WebClientModule implements Module {
    private final List<Routes> routes;

    public WebClientModule(Core core, AccountComponents accounts, StatusComponents statuses,
                           InteractionComponents interactions, MediaComponents media, Edges edges) {
        var area = new ClientArea(WebKit.create(core.config(), accounts.instance(), accounts.sessions()));
        this.routes = List.of(
                new WebClientRoutes(area, statuses.homeFeed(), edges.statusApi()),
                new WebTimelineRoutes(area, statuses.publicTimeline(), interactions.marked(), edges.statusApi()),
                new WebPostRoutes(area, statuses.post(), statuses.edit(), statuses.delete(), statuses.context(),
                        statuses.history(), media.uploads(), statuses.views(), edges.statusApi(), core.clock()),
                new WebStatusActions(area, interactions.favourites(), interactions.reblogs(),
                        interactions.bookmarks(), statuses.vote(), statuses.views(), edges.statusApi()));
    }

    @Override
    public void routes(RouteTable table) {
        routes.forEach(r -> r.register(table));
    }
}
