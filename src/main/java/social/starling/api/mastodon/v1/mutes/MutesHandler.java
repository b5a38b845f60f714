package social.starling.api.mastodon.v1.mutes;

import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AccountApiMapper;
import social.starling.convert.entity.MutedAccountEntity;
import social.starling.model.Page;
import social.starling.service.follow.GraphQueryService;

/**
 * {@code GET /api/v1/mutes} (read:mutes): accounts the caller mutes, each with {@code mute_expires_at}, 40 by
 * default and up to 80, paged by the mute's id. Mutes that have run out are not listed.
 */
public final class MutesHandler {
    private final ApiAuth auth;
    private final GraphQueryService graph;
    private final AccountApiMapper mapper;
    private final String baseUrl;

    public MutesHandler(ApiAuth auth, GraphQueryService graph, AccountApiMapper mapper, String baseUrl) {
        this.auth = auth;
        this.graph = graph;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:mutes");
        Page page = Paging.page(ctx, 40, 80);
        var entries = graph.mutes(caller.accountId(), page);
        Paging.link(ctx, baseUrl, entries.stream().map(GraphQueryService.Entry::pagingId).toList(), page);
        ctx.json(entries.stream()
                .map(e -> new MutedAccountEntity(mapper.toApi(e.account()), e.muteExpiresAt())).toList());
    }
}
