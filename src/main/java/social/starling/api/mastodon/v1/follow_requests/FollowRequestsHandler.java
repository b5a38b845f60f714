package social.starling.api.mastodon.v1.follow_requests;

import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.api.mastodon.v1.accounts.FollowCollectionsHandler;
import social.starling.convert.AccountApiMapper;
import social.starling.convert.RelationshipApiMapper;
import social.starling.model.Page;
import social.starling.service.follow.FollowService;
import social.starling.service.follow.GraphQueryService;
import social.starling.service.follow.RelationshipService;

/**
 * {@code GET /api/v1/follow_requests} (read:follows): the accounts asking to follow the caller, 40 by default and
 * up to 80, paged by the request's id; {@code POST /api/v1/follow_requests/:account_id/authorize} and
 * {@code /reject} (write:follows) answer the Relationship with that account; no pending request is a 404.
 */
public final class FollowRequestsHandler {
    private final ApiAuth auth;
    private final GraphQueryService graph;
    private final FollowService follows;
    private final RelationshipService relationships;
    private final AccountApiMapper accounts;
    private final RelationshipApiMapper mapper;
    private final String baseUrl;

    public FollowRequestsHandler(ApiAuth auth, GraphQueryService graph, FollowService follows,
                                 RelationshipService relationships, AccountApiMapper accounts,
                                 RelationshipApiMapper mapper, String baseUrl) {
        this.auth = auth;
        this.graph = graph;
        this.follows = follows;
        this.relationships = relationships;
        this.accounts = accounts;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:follows");
        Page page = Paging.page(ctx, 40, 80);
        FollowCollectionsHandler.render(ctx, baseUrl, accounts, graph.followRequests(caller.accountId(), page), page);
    }

    public void authorize(Context ctx) {
        var caller = auth.user(ctx, "write:follows");
        long requester = AccountsHandler.pathId(ctx);
        follows.authorize(caller.accountId(), requester);
        ctx.json(mapper.toApi(relationships.of(caller.accountId(), requester)));
    }

    public void reject(Context ctx) {
        var caller = auth.user(ctx, "write:follows");
        long requester = AccountsHandler.pathId(ctx);
        follows.reject(caller.accountId(), requester);
        ctx.json(mapper.toApi(relationships.of(caller.accountId(), requester)));
    }
}
