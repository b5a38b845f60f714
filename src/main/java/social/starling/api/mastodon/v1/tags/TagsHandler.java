package social.starling.api.mastodon.v1.tags;

import io.javalin.http.Context;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.TagApiMapper;
import social.starling.service.tag.TagService;

/**
 * {@code GET /api/v1/tags/:name} (public; {@code following} with a user token), {@code POST /api/v1/tags/:name/follow}
 * and {@code /unfollow} (write:follows). A name that is not a valid hashtag is a 404.
 */
public final class TagsHandler {
    private final ApiAuth auth;
    private final TagService tags;
    private final TagApiMapper mapper;

    public TagsHandler(ApiAuth auth, TagService tags, TagApiMapper mapper) {
        this.auth = auth;
        this.tags = tags;
        this.mapper = mapper;
    }

    public void show(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(c -> c.accountId()).orElse(null);
        ctx.json(mapper.toApi(tags.show(ctx.pathParam("name"), viewer)));
    }

    public void follow(Context ctx) {
        var caller = auth.user(ctx, "write:follows");
        ctx.json(mapper.toApi(tags.follow(caller.accountId(), ctx.pathParam("name"))));
    }

    public void unfollow(Context ctx) {
        var caller = auth.user(ctx, "write:follows");
        ctx.json(mapper.toApi(tags.unfollow(caller.accountId(), ctx.pathParam("name"))));
    }
}
