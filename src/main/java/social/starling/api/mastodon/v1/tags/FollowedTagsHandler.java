package social.starling.api.mastodon.v1.tags;

import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.TagApiMapper;
import social.starling.model.Page;
import social.starling.service.tag.TagService;

/**
 * {@code GET /api/v1/followed_tags} (read:follows): the tags the caller follows, 100 by default and up to 200,
 * paged by the follow's id with a Link header.
 */
public final class FollowedTagsHandler {
    private final ApiAuth auth;
    private final TagService tags;
    private final TagApiMapper mapper;
    private final String baseUrl;

    public FollowedTagsHandler(ApiAuth auth, TagService tags, TagApiMapper mapper, String baseUrl) {
        this.auth = auth;
        this.tags = tags;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:follows");
        Page page = Paging.page(ctx, 100, 200);
        var followed = tags.followed(caller.accountId(), page);
        Paging.link(ctx, baseUrl, followed.stream().map(TagService.Followed::followId).toList(), page);
        ctx.json(followed.stream().map(f -> mapper.toApi(f.tag())).toList());
    }
}
