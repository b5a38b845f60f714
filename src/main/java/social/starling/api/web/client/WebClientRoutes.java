package social.starling.api.web.client;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.api.Paging;
import social.starling.convert.StatusApiMapper;
import social.starling.errors.UnprocessableException;
import social.starling.model.Page;
import social.starling.model.view.StatusView;
import social.starling.service.interaction.FavouriteService;
import social.starling.service.status.PostStatusService;
import social.starling.service.status.StatusViews;
import social.starling.service.timeline.HomeFeedService;

/**
 * The web client's home: {@code /web} (and Mastodon's {@code /home}) lead to {@code /web/home}, the member's home
 * timeline with the posting form; posting, and favouriting from any timeline. Each action calls the same service
 * as the API; without JavaScript it redirects back ({@code return_to}), with htmx it answers the re-rendered status.
 */
public final class WebClientRoutes implements Routes {
    static final int PAGE_SIZE = 20;

    private final ClientArea area;
    private final HomeFeedService home;
    private final PostStatusService post;
    private final FavouriteService favourites;
    private final StatusViews views;
    private final StatusApiMapper statuses;

    public WebClientRoutes(ClientArea area, HomeFeedService home, PostStatusService post,
                           FavouriteService favourites, StatusViews views, StatusApiMapper statuses) {
        this.area = area;
        this.home = home;
        this.post = post;
        this.favourites = favourites;
        this.views = views;
        this.statuses = statuses;
    }

    @Override
    public void register(RouteTable table) {
        var r = table.web();
        r.get("/web", ctx -> ctx.redirect("/web/home"));
        r.get("/home", ctx -> ctx.redirect("/web/home"));
        r.get("/web/home", area.page(this::home));
        r.post("/web/statuses", area.form(this::post));
        r.post("/web/statuses/{id}/favourite", area.form(ctx -> mark(ctx, true)));
        r.post("/web/statuses/{id}/unfavourite", area.form(ctx -> mark(ctx, false)));
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

    private void post(Context ctx) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        String text = Optional.ofNullable(ctx.formParam("status")).orElse("");
        Long inReplyTo = longParam(ctx, "in_reply_to_id");
        post.post(member.account().id(), new PostStatusService.Request(text,
                Optional.ofNullable(ctx.formParam("spoiler_text")).orElse(""), ctx.formParam("visibility"), null,
                blankToNull(ctx.formParam("language")), inReplyTo, null, List.of(), null, null), null);
        ClientArea.back(ctx, "/web/home");
    }

    private void mark(Context ctx, boolean on) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        long id = pathId(ctx);
        StatusView view = on ? favourites.favourite(member.account().id(), id)
                : favourites.unfavourite(member.account().id(), id);
        answer(ctx, view, member.account().id());
    }

    /** htmx gets the status re-rendered in place; a plain form goes back to where it was. */
    private void answer(Context ctx, StatusView view, long viewerId) {
        if (ClientArea.htmx(ctx)) {
            var fresh = views.one(view.status().id(), viewerId).orElse(view);
            area.renderStatus(ctx, statuses.toApi(fresh), ctx.formParam("return_to"));
            return;
        }
        ClientArea.back(ctx, "/web/home");
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
