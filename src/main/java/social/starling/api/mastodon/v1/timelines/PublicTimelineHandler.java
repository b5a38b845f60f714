package social.starling.api.mastodon.v1.timelines;

import social.starling.api.JsonBody;
import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.StatusApiMapper;
import social.starling.service.timeline.PublicTimelineService;

/** {@code GET /api/v1/timelines/public} with {@code local}, {@code remote} and {@code only_media}. */
public final class PublicTimelineHandler {
    private final ApiAuth auth;
    private final PublicTimelineService timelines;
    private final StatusApiMapper mapper;
    private final String baseUrl;

    public PublicTimelineHandler(ApiAuth auth, PublicTimelineService timelines, StatusApiMapper mapper,
                                 String baseUrl) {
        this.auth = auth;
        this.timelines = timelines;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public void handle(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(c -> c.accountId()).orElse(null);
        boolean local = truthy(ctx.queryParam("local"));
        boolean remote = truthy(ctx.queryParam("remote"));
        var scope = local ? PublicTimelineService.Scope.LOCAL
                : remote ? PublicTimelineService.Scope.REMOTE : PublicTimelineService.Scope.ALL;
        var views = timelines.timeline(viewer, scope, truthy(ctx.queryParam("only_media")), Paging.page(ctx, 20, 40));
        Paging.link(ctx, baseUrl, views.stream().map(v -> v.status().id()).toList());
        JsonBody.write(ctx, mapper.toApi(views));
    }

    static boolean truthy(String value) {
        return value != null && !value.isBlank() && !value.equals("false") && !value.equals("0");
    }
}
