package social.starling.api.web.client;

import io.javalin.http.Context;
import java.util.List;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.api.Paging;
import social.starling.convert.StatusApiMapper;
import social.starling.errors.UnprocessableException;
import social.starling.model.Page;
import social.starling.model.view.StatusView;
import social.starling.service.timeline.HomeFeedService;

/**
 * The web client's home: {@code /web} (and Mastodon's {@code /home}) lead to {@code /web/home}, the member's home
 * timeline (HomeFeedService, as {@code GET /api/v1/timelines/home}) with the posting form. Posting and the thread
 * are {@link WebPostRoutes}, the actions on a status {@link WebStatusActions}, the other timelines
 * {@link WebTimelineRoutes}.
 */
public final class WebClientRoutes implements Routes {
    static final int PAGE_SIZE = 20;

    private final ClientArea area;
    private final HomeFeedService home;
    private final StatusApiMapper statuses;

    public WebClientRoutes(ClientArea area, HomeFeedService home, StatusApiMapper statuses) {
        this.area = area;
        this.home = home;
        this.statuses = statuses;
    }

    @Override
    public void register(RouteTable table) {
        var r = table.web();
        r.get("/web", ctx -> ctx.redirect("/web/home"));
        r.get("/home", ctx -> ctx.redirect("/web/home"));
        r.get("/web/home", area.page(this::home));
    }

    private void home(Context ctx) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        Page page = Paging.page(ctx, PAGE_SIZE, PAGE_SIZE);
        List<StatusView> list = home.home(member.account().id(), page);
        area.render(ctx, "timeline.jte", "Home", new TimelinePage(area.nav(ctx, ClientNav.Section.HOME, member),
                "Home", "/web/home", true, statuses.toApi(list), older("/web/home", list)));
    }

    static String older(String path, List<StatusView> list) {
        if (list.size() < PAGE_SIZE) {
            return null;
        }
        return path + "?max_id=" + list.getLast().status().id();
    }

    static long pathId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new social.starling.errors.NotFoundException("Record not found");
        }
    }

    static Long longParam(Context ctx, String name) {
        String value = ctx.formParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UnprocessableException(name + " is not a valid id");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
