package social.starling.api.web.client;

import io.javalin.http.Context;
import java.util.List;
import social.starling.api.Paging;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.convert.StatusApiMapper;
import social.starling.model.Page;
import social.starling.model.view.StatusView;
import social.starling.service.interaction.Listing;
import social.starling.service.interaction.MarkedStatusesService;
import social.starling.service.security.SessionService.WebUser;
import social.starling.service.timeline.PublicTimelineService;

/**
 * The web client's other timelines, each through the service its Mastodon API twin calls: {@code /web/local} and
 * {@code /web/federated} (PublicTimelineService, as {@code GET /api/v1/timelines/public} with {@code local=true}
 * and without) and {@code /web/bookmarks} (MarkedStatusesService, as {@code GET /api/v1/bookmarks}, paged by the
 * bookmarks' ids). Each pages to older posts with {@code ?max_id=}, as {@code /web/home}.
 */
public final class WebTimelineRoutes implements Routes {
    private final ClientArea area;
    private final PublicTimelineService publicTimeline;
    private final MarkedStatusesService marked;
    private final StatusApiMapper statuses;

    public WebTimelineRoutes(ClientArea area, PublicTimelineService publicTimeline, MarkedStatusesService marked,
                             StatusApiMapper statuses) {
        this.area = area;
        this.publicTimeline = publicTimeline;
        this.marked = marked;
        this.statuses = statuses;
    }

    @Override
    public void register(RouteTable table) {
        var r = table.web();
        r.get("/web/local", area.page(ctx -> publicTimeline(ctx, PublicTimelineService.Scope.LOCAL,
                ClientNav.Section.LOCAL, "Local", "/web/local")));
        r.get("/web/federated", area.page(ctx -> publicTimeline(ctx, PublicTimelineService.Scope.ALL,
                ClientNav.Section.FEDERATED, "Federated", "/web/federated")));
        r.get("/web/bookmarks", area.page(this::bookmarks));
    }

    private void publicTimeline(Context ctx, PublicTimelineService.Scope scope, ClientNav.Section section,
                                String heading, String path) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        Page page = Paging.page(ctx, WebClientRoutes.PAGE_SIZE, WebClientRoutes.PAGE_SIZE);
        List<StatusView> list = publicTimeline.timeline(member.account().id(), scope, false, page);
        area.render(ctx, "timeline.jte", heading, new TimelinePage(area.nav(ctx, section, member), heading, path,
                false, statuses.toApi(list), WebClientRoutes.older(path, list)));
    }

    private void bookmarks(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        Page page = Paging.page(ctx, WebClientRoutes.PAGE_SIZE, WebClientRoutes.PAGE_SIZE);
        Listing<StatusView> listing = marked.bookmarks(member.account().id(), page);
        // Paged by the bookmarks' own ids (every row read, seen or not), as the API's Link header.
        String older = listing.pageIds().size() < WebClientRoutes.PAGE_SIZE ? null
                : "/web/bookmarks?max_id=" + listing.pageIds().getLast();
        area.render(ctx, "timeline.jte", "Bookmarks", new TimelinePage(area.nav(ctx, ClientNav.Section.BOOKMARKS,
                member), "Bookmarks", "/web/bookmarks", false, statuses.toApi(listing.items()), older));
    }
}
