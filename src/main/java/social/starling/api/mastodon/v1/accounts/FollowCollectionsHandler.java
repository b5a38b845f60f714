package social.starling.api.mastodon.v1.accounts;

import io.javalin.http.Context;
import java.util.List;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AccountApiMapper;
import social.starling.service.follow.GraphQueryService;

/**
 * {@code GET /api/v1/accounts/:id/followers} and {@code /following}: public, 40 accounts by default and up to 80,
 * paged by the follow's id with a Link header. Empty where the account hides its collections from the viewer.
 */
public final class FollowCollectionsHandler {
    private final ApiAuth auth;
    private final GraphQueryService graph;
    private final AccountApiMapper mapper;
    private final String baseUrl;

    public FollowCollectionsHandler(ApiAuth auth, GraphQueryService graph, AccountApiMapper mapper, String baseUrl) {
        this.auth = auth;
        this.graph = graph;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public void followers(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(c -> c.accountId()).orElse(null);
        render(ctx, graph.followers(AccountsHandler.pathId(ctx), viewer, Paging.page(ctx, 40, 80)));
    }

    public void following(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(c -> c.accountId()).orElse(null);
        render(ctx, graph.following(AccountsHandler.pathId(ctx), viewer, Paging.page(ctx, 40, 80)));
    }

    /** Accounts of a graph page with the Link header by the relation ids (shared by blocks, mutes, requests). */
    public static void render(Context ctx, String baseUrl, AccountApiMapper mapper,
                              List<GraphQueryService.Entry> entries) {
        Paging.link(ctx, baseUrl, entries.stream().map(GraphQueryService.Entry::pagingId).toList());
        ctx.json(entries.stream().map(e -> mapper.toApi(e.account())).toList());
    }

    private void render(Context ctx, List<GraphQueryService.Entry> entries) {
        render(ctx, baseUrl, mapper, entries);
    }
}
