package social.starling.api.mastodon.v1.timelines;

import social.starling.api.JsonBody;
import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.StatusApiMapper;
import social.starling.model.view.StatusView;
import social.starling.service.timeline.HomeFeedService;

/** {@code GET /api/v1/timelines/home}: the caller's materialised home feed (20 by default, up to 40). */
public final class HomeTimelineHandler {
    private final ApiAuth auth;
    private final HomeFeedService home;
    private final StatusApiMapper mapper;
    private final String baseUrl;

    public HomeTimelineHandler(ApiAuth auth, HomeFeedService home, StatusApiMapper mapper, String baseUrl) {
        this.auth = auth;
        this.home = home;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public void handle(Context ctx) {
        var caller = auth.user(ctx, "read:statuses");
        var views = home.home(caller.accountId(), Paging.page(ctx, 20, 40));
        Paging.link(ctx, baseUrl, views.stream().map(v -> v.status().id()).toList());
        JsonBody.write(ctx, mapper.toApi(views));
    }

    static long id(StatusView v) {
        return v.status().id();
    }
}
