package social.starling.api.mastodon.v1.suggestions;

import io.javalin.http.Context;
import java.util.Map;
import social.starling.api.Paging;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.AccountApiMapper;
import social.starling.convert.SuggestionApiMapper;
import social.starling.model.view.SuggestionView;
import social.starling.service.discovery.SuggestionService;

/**
 * Follow suggestions: {@code GET /api/v1/suggestions} (Accounts) and {@code GET /api/v2/suggestions} (Suggestions
 * with their sources), {@code limit} 40 by default and up to 80, read:accounts; and
 * {@code DELETE /api/v1/suggestions/:account_id} to dismiss one for good ({}).
 */
public final class SuggestionsHandler {
    private final ApiAuth auth;
    private final SuggestionService suggestions;
    private final AccountApiMapper accounts;
    private final SuggestionApiMapper mapper;

    public SuggestionsHandler(ApiAuth auth, SuggestionService suggestions, AccountApiMapper accounts,
                              SuggestionApiMapper mapper) {
        this.auth = auth;
        this.suggestions = suggestions;
        this.accounts = accounts;
        this.mapper = mapper;
    }

    public void v1(Context ctx) {
        var caller = auth.user(ctx, "read", "read:accounts");
        ctx.json(suggestions.suggest(caller.accountId(), Paging.page(ctx, 40, 80).limit()).stream()
                .map(SuggestionView::account).map(accounts::toApi).toList());
    }

    public void v2(Context ctx) {
        var caller = auth.user(ctx, "read", "read:accounts");
        ctx.json(mapper.toApi(suggestions.suggest(caller.accountId(), Paging.page(ctx, 40, 80).limit())));
    }

    public void dismiss(Context ctx) {
        var caller = auth.user(ctx, "read", "write", "write:accounts");
        suggestions.dismiss(caller.accountId(), AccountsHandler.pathId(ctx));
        ctx.json(Map.of());
    }
}
