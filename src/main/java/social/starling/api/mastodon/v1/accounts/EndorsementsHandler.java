package social.starling.api.mastodon.v1.accounts;

import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AccountApiMapper;
import social.starling.model.Page;
import social.starling.service.follow.GraphQueryService;

/**
 * {@code GET /api/v1/endorsements} (the caller's endorsed accounts; read:accounts) and
 * {@code GET /api/v1/accounts/:id/endorsements} (anyone's, public): 40 by default and up to 80, paged by the
 * endorsement with Link headers.
 */
public final class EndorsementsHandler {
    private final ApiAuth auth;
    private final GraphQueryService graph;
    private final AccountApiMapper mapper;
    private final String baseUrl;

    public EndorsementsHandler(ApiAuth auth, GraphQueryService graph, AccountApiMapper mapper, String baseUrl) {
        this.auth = auth;
        this.graph = graph;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public void own(Context ctx) {
        var caller = auth.user(ctx, "read:accounts");
        Page page = Paging.page(ctx, 40, 80);
        FollowCollectionsHandler.render(ctx, baseUrl, mapper, graph.endorsements(caller.accountId(), page), page);
    }

    public void ofAccount(Context ctx) {
        long account = AccountsHandler.pathId(ctx);
        Page page = Paging.page(ctx, 40, 80);
        FollowCollectionsHandler.render(ctx, baseUrl, mapper, graph.endorsements(account, page), page);
    }
}
