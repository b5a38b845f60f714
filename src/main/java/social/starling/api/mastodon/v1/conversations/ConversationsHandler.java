package social.starling.api.mastodon.v1.conversations;

import io.javalin.http.Context;
import java.util.Map;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.ConversationApiMapper;
import social.starling.model.Page;
import social.starling.service.conversation.ConversationService;

/**
 * {@code GET /api/v1/conversations} (20 by default, up to 40; paged and linked by last status id, as Mastodon),
 * {@code POST /api/v1/conversations/:id/read} and {@code DELETE /api/v1/conversations/:id}.
 */
public final class ConversationsHandler {
    private final ApiAuth auth;
    private final ConversationService conversations;
    private final ConversationApiMapper mapper;
    private final String baseUrl;

    public ConversationsHandler(ApiAuth auth, ConversationService conversations, ConversationApiMapper mapper,
                                String baseUrl) {
        this.auth = auth;
        this.conversations = conversations;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:statuses");
        Page page = Paging.page(ctx, 20, 40);
        var listing = conversations.list(caller.accountId(), page);
        Paging.link(ctx, baseUrl, listing.pagingIds(), page);
        ctx.json(mapper.toApi(listing.conversations()));
    }

    public void read(Context ctx) {
        var caller = auth.user(ctx, "write:conversations");
        ctx.json(mapper.toApi(conversations.read(caller.accountId(), AccountsHandler.pathId(ctx))));
    }

    public void destroy(Context ctx) {
        var caller = auth.user(ctx, "write:conversations");
        conversations.delete(caller.accountId(), AccountsHandler.pathId(ctx));
        ctx.json(Map.of());
    }
}
