package social.starling.api.mastodon.v1.timelines;

import social.starling.api.JsonBody;
import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.StatusApiMapper;
import social.starling.service.timeline.ListTimelineService;

/** {@code GET /api/v1/timelines/list/:list_id} (read:lists): a list's statuses, 20 by default and up to 40. */
public final class ListTimelineHandler {
    private final ApiAuth auth;
    private final ListTimelineService timelines;
    private final StatusApiMapper mapper;
    private final String baseUrl;

    public ListTimelineHandler(ApiAuth auth, ListTimelineService timelines, StatusApiMapper mapper, String baseUrl) {
        this.auth = auth;
        this.timelines = timelines;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public void handle(Context ctx) {
        var caller = auth.user(ctx, "read:lists");
        var page = timelines.timeline(caller.accountId(), AccountsHandler.pathId(ctx), Paging.page(ctx, 20, 40));
        Paging.link(ctx, baseUrl, page.pagingIds());
        JsonBody.write(ctx, mapper.toApi(page.statuses()));
    }
}
