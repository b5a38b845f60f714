package social.starling.api.mastodon.v1.accounts;

import io.javalin.http.Context;
import java.util.List;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AccountApiMapper;
import social.starling.model.Page;
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
        Page page = Paging.page(ctx, 40, 80);
        render(ctx, baseUrl, mapper, graph.followers(AccountsHandler.pathId(ctx), viewer, page), page);
    }

    public void following(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(c -> c.accountId()).orElse(null);
        Page page = Paging.page(ctx, 40, 80);
        render(ctx, baseUrl, mapper, graph.following(AccountsHandler.pathId(ctx), viewer, page), page);
    }

    /** Accounts of a graph page with the Link header by the relation ids (shared by blocks and requests). */
    public static void render(Context ctx, String baseUrl, AccountApiMapper mapper,
                              List<GraphQueryService.Entry> entries, Page page) {
        Paging.link(ctx, baseUrl, entries.stream().map(GraphQueryService.Entry::pagingId).toList(), page);
        ctx.json(entries.stream().map(e -> mapper.toApi(e.account())).toList());
    }
}
