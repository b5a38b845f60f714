package social.starling.api.mastodon.v1.featured_tags;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.FeaturedTagApiMapper;
import social.starling.convert.TagApiMapper;
import social.starling.service.tag.FeaturedTagService;

/**
 * Featured hashtags: {@code GET /api/v1/featured_tags} (read:accounts), {@code POST} ({@code name};
 * write:accounts), {@code DELETE /api/v1/featured_tags/:id} (write:accounts; {} or 404),
 * {@code GET /api/v1/featured_tags/suggestions} (read:accounts; Tags), {@code POST /api/v1/tags/:name/feature} and
 * {@code /unfeature} (write:accounts; the Tag), and {@code GET /api/v1/accounts/:id/featured_tags} (public).
 */
public final class FeaturedTagsHandler {
    private final ApiAuth auth;
    private final FeaturedTagService featured;
    private final FeaturedTagApiMapper mapper;
    private final TagApiMapper tagMapper;
    private final ObjectMapper json;

    public FeaturedTagsHandler(ApiAuth auth, FeaturedTagService featured, FeaturedTagApiMapper mapper,
                               TagApiMapper tagMapper, ObjectMapper json) {
        this.auth = auth;
        this.featured = featured;
        this.mapper = mapper;
        this.tagMapper = tagMapper;
        this.json = json;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:accounts");
        ctx.json(mapper.toApi(featured.of(caller.accountId())));
    }

    public void create(Context ctx) {
        var caller = auth.user(ctx, "write:accounts");
        String name = Params.of(ctx, json).string("name").orElse("");
        ctx.json(mapper.toApi(featured.create(caller.accountId(), name)));
    }

    public void destroy(Context ctx) {
        var caller = auth.user(ctx, "write:accounts");
        featured.delete(caller.accountId(), AccountsHandler.pathId(ctx));
        ctx.json(Map.of());
    }

    public void suggestions(Context ctx) {
        var caller = auth.user(ctx, "read:accounts");
        ctx.json(tagMapper.toApi(featured.suggestions(caller.accountId())));
    }

    public void feature(Context ctx) {
        var caller = auth.user(ctx, "write:accounts");
        ctx.json(tagMapper.toApi(featured.feature(caller.accountId(), ctx.pathParam("name"))));
    }

    public void unfeature(Context ctx) {
        var caller = auth.user(ctx, "write:accounts");
        ctx.json(tagMapper.toApi(featured.unfeature(caller.accountId(), ctx.pathParam("name"))));
    }

    public void ofAccount(Context ctx) {
        ctx.json(mapper.toApi(featured.of(AccountsHandler.pathId(ctx))));
    }
}
