package social.starling.api.mastodon.v1.accounts;

import social.starling.api.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.StatusApiMapper;
import social.starling.model.Page;
import social.starling.service.oauth.Caller;
import social.starling.service.timeline.AccountStatusesService;

/** {@code GET /api/v1/accounts/:id/statuses}: a profile's statuses (public; 20 by default, up to 40). */
public final class AccountStatusesHandler {
    private final ApiAuth auth;
    private final AccountStatusesService service;
    private final StatusApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public AccountStatusesHandler(ApiAuth auth, AccountStatusesService service, StatusApiMapper mapper,
                                  ObjectMapper json, String baseUrl) {
        this.auth = auth;
        this.service = service;
        this.mapper = mapper;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void handle(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(Caller::accountId).orElse(null);
        Params p = Params.of(ctx, json);
        var options = new AccountStatusesService.Options(p.bool("pinned", false), p.bool("only_media", false),
                p.bool("exclude_replies", false), p.bool("exclude_reblogs", false), p.string("tagged").orElse(null));
        Page page = Paging.page(ctx, 20, 40);
        var result = service.statuses(AccountsHandler.pathId(ctx), viewer, options, page);
        Paging.link(ctx, baseUrl, result.pageIds(), page);
        JsonBody.write(ctx, mapper.toApi(result.statuses()));
    }
}
