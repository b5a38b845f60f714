package social.starling.api.mastodon.v1.timelines;

import social.starling.api.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import social.starling.api.Params;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.StatusApiMapper;
import social.starling.service.timeline.TagTimelineService;

/**
 * {@code GET /api/v1/timelines/tag/:hashtag} (public): with {@code any[]}, {@code all[]}, {@code none[]},
 * {@code local}, {@code remote} and {@code only_media}; 20 statuses by default and up to 40. {@code local} and
 * {@code remote} together mean both, as Mastodon's PublicFeed reads them.
 */
public final class TagTimelineHandler {
    private final ApiAuth auth;
    private final TagTimelineService timelines;
    private final StatusApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public TagTimelineHandler(ApiAuth auth, TagTimelineService timelines, StatusApiMapper mapper, ObjectMapper json,
                              String baseUrl) {
        this.auth = auth;
        this.timelines = timelines;
        this.mapper = mapper;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void handle(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(c -> c.accountId()).orElse(null);
        Params p = Params.of(ctx, json);
        boolean local = p.bool("local", false);
        boolean remote = p.bool("remote", false);
        var query = new TagTimelineService.Query(ctx.pathParam("hashtag"), p.strings("any"), p.strings("all"),
                p.strings("none"), local == remote ? null : local, p.bool("only_media", false));
        var page = timelines.timeline(viewer, query, Paging.page(ctx, 20, 40));
        Paging.link(ctx, baseUrl, page.pagingIds());
        JsonBody.write(ctx, mapper.toApi(page.statuses()));
    }
}
