package social.starling.api.web.client;

import io.javalin.http.Context;
import java.util.HashMap;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.api.web.WebKit;
import social.starling.convert.StatusApiMapper;
import social.starling.errors.NotFoundException;
import social.starling.service.interaction.BookmarkService;
import social.starling.service.interaction.FavouriteService;
import social.starling.service.interaction.ReblogService;
import social.starling.service.poll.VoteService;
import social.starling.service.security.SessionService.WebUser;
import social.starling.service.status.StatusViews;

/**
 * The actions on a status in the web client, each through the service its Mastodon API twin calls: favourite and
 * unfavourite (FavouriteService), boost and unboost (ReblogService, as {@code /api/v1/statuses/:id/reblog}),
 * bookmark and unbookmark (BookmarkService) and a poll vote (VoteService, as {@code /api/v1/polls/:id/votes}).
 * Without JavaScript each redirects back ({@code return_to}); with htmx it answers the status re-rendered.
 */
public final class WebStatusActions implements Routes {
    private final ClientArea area;
    private final FavouriteService favourites;
    private final ReblogService reblogs;
    private final BookmarkService bookmarks;
    private final VoteService votes;
    private final StatusViews views;
    private final StatusApiMapper statuses;

    public WebStatusActions(ClientArea area, FavouriteService favourites, ReblogService reblogs,
                            BookmarkService bookmarks, VoteService votes, StatusViews views, StatusApiMapper statuses) {
        this.area = area;
        this.favourites = favourites;
        this.reblogs = reblogs;
        this.bookmarks = bookmarks;
        this.votes = votes;
        this.views = views;
        this.statuses = statuses;
    }

    /** One action on a status by the member, answering the status it concerns. */
    private interface Action {
        long apply(Context ctx, long accountId, long statusId);
    }

    @Override
    public void register(RouteTable table) {
        var r = table.web();
        r.post("/web/statuses/{id}/favourite", act((ctx, me, id) -> favourites.favourite(me, id).status().id()));
        r.post("/web/statuses/{id}/unfavourite", act((ctx, me, id) -> favourites.unfavourite(me, id).status().id()));
        // The reblog service answers the new boost; the page shows the original with its button turned.
        r.post("/web/statuses/{id}/reblog", act((ctx, me, id) -> {
            reblogs.reblog(me, id, null);
            return id;
        }));
        r.post("/web/statuses/{id}/unreblog", act((ctx, me, id) -> reblogs.unreblog(me, id).status().id()));
        r.post("/web/statuses/{id}/bookmark", act((ctx, me, id) -> bookmarks.bookmark(me, id).status().id()));
        r.post("/web/statuses/{id}/unbookmark", act((ctx, me, id) -> bookmarks.unbookmark(me, id).status().id()));
        r.post("/web/polls/{id}/votes", act((ctx, me, id) -> votes.vote(me, id, ctx.formParams("choices"))));
    }

    private io.javalin.http.Handler act(Action action) {
        return area.form(ctx -> {
            WebUser member = area.member(ctx);
            if (member == null) {
                return;
            }
            long me = member.account().id();
            long statusId = action.apply(ctx, me, WebClientRoutes.pathId(ctx));
            answer(ctx, member, statusId);
        });
    }

    private static java.util.Optional<Long> renderId(Context ctx) {
        try {
            return java.util.Optional.of(Long.parseLong(String.valueOf(ctx.formParam("render_id")).trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** htmx gets the status re-rendered in place; a plain form goes back to where it was. */
    private void answer(Context ctx, WebUser member, long statusId) {
        if (!ClientArea.htmx(ctx)) {
            ClientArea.back(ctx, "/web/home");
            return;
        }
        long me = member.account().id();
        // The article the form was in: a boost of this status shows as the boost again (render_id), else itself.
        var view = renderId(ctx).flatMap(id -> views.one(id, me))
                .filter(v -> v.status().id() == statusId
                        || (v.reblog() != null && v.reblog().status().id() == statusId))
                .or(() -> views.one(statusId, me))
                .orElseThrow(() -> new NotFoundException("Record not found"));
        String returnTo = ctx.formParam("return_to");
        var params = new HashMap<String, Object>();
        params.put("status", statuses.toApi(view));
        params.put("csrf", area.kit().csrf(ctx));
        params.put("returnTo", returnTo != null && WebKit.safePath(returnTo) ? returnTo : "/web/home");
        params.put("me", member.account().username());
        params.put("focus", "true".equals(ctx.formParam("focus")));
        area.kit().fragment(ctx, "client/status.jte", params);
    }
}
