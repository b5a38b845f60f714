package social.starling.api.mastodon.v1.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AccountApiMapper;
import social.starling.service.discovery.DiscoveryService;
import social.starling.service.oauth.Caller;

/** {@code GET /api/v1/directory?order=active|new&local=&offset=&limit=}: the profile directory (public). */
public final class DirectoryHandler {
    private final ApiAuth auth;
    private final DiscoveryService discovery;
    private final AccountApiMapper mapper;
    private final ObjectMapper json;

    public DirectoryHandler(ApiAuth auth, DiscoveryService discovery, AccountApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.discovery = discovery;
        this.mapper = mapper;
        this.json = json;
    }

    public void handle(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(Caller::accountId).orElse(null);
        Params p = Params.of(ctx, json);
        int limit = Math.max(1, Math.min(80, p.intValue("limit").orElse(40)));
        int offset = Math.max(0, p.intValue("offset").orElse(0));
        boolean active = !"new".equals(p.string("order").orElse("active"));
        ctx.json(discovery.directory(viewer, active, offset, limit).stream().map(mapper::toApi).toList());
    }
}
