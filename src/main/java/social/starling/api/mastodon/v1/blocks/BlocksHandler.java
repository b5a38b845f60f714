package social.starling.api.mastodon.v1.blocks;

import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.FollowCollectionsHandler;
import social.starling.convert.AccountApiMapper;
import social.starling.model.Page;
import social.starling.service.follow.GraphQueryService;

/** {@code GET /api/v1/blocks} (read:blocks): accounts the caller blocks, 40 by default and up to 80, by block id. */
public final class BlocksHandler {
    private final ApiAuth auth;
    private final GraphQueryService graph;
    private final AccountApiMapper mapper;
    private final String baseUrl;

    public BlocksHandler(ApiAuth auth, GraphQueryService graph, AccountApiMapper mapper, String baseUrl) {
        this.auth = auth;
        this.graph = graph;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:blocks");
        Page page = Paging.page(ctx, 40, 80);
        FollowCollectionsHandler.render(ctx, baseUrl, mapper, graph.blocks(caller.accountId(), page), page);
    }
}
