package social.starling.api.mastodon.v1.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AccountApiMapper;
import social.starling.convert.entity.FamiliarFollowersEntity;
import social.starling.service.discovery.DiscoveryService;

/** {@code GET /api/v1/accounts/familiar_followers?id[]=}: for each account, the people you follow who follow it. */
public final class FamiliarFollowersHandler {
    private final ApiAuth auth;
    private final DiscoveryService discovery;
    private final AccountApiMapper mapper;
    private final ObjectMapper json;

    public FamiliarFollowersHandler(ApiAuth auth, DiscoveryService discovery, AccountApiMapper mapper,
                                    ObjectMapper json) {
        this.auth = auth;
        this.discovery = discovery;
        this.mapper = mapper;
        this.json = json;
    }

    public void handle(Context ctx) {
        var caller = auth.user(ctx, "read:follows");
        List<Long> ids = Params.of(ctx, json).strings("id").stream().limit(40).map(AccountsHandler::parseId)
                .filter(id -> id != null).distinct().toList();
        ctx.json(discovery.familiarFollowers(caller.accountId(), ids).entrySet().stream()
                .map(e -> new FamiliarFollowersEntity(Long.toString(e.getKey()),
                        e.getValue().stream().map(mapper::toApi).toList()))
                .toList());
    }
}
