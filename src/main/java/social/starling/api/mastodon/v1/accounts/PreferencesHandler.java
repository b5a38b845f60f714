package social.starling.api.mastodon.v1.accounts;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import social.starling.api.auth.ApiAuth;
import social.starling.service.account.AccountQueryService;

/** {@code GET /api/v1/preferences}: the caller's posting and reading defaults, with Mastodon's colon keys. */
public final class PreferencesHandler {
    private final ApiAuth auth;
    private final AccountQueryService accounts;

    public PreferencesHandler(ApiAuth auth, AccountQueryService accounts) {
        this.auth = auth;
        this.accounts = accounts;
    }

    public void handle(Context ctx) {
        var caller = auth.user(ctx, "read:accounts");
        var user = accounts.self(caller.accountId()).user();
        Map<String, Object> prefs = new LinkedHashMap<>();
        prefs.put("posting:default:visibility", user.defaultPrivacy());
        prefs.put("posting:default:sensitive", user.defaultSensitive());
        prefs.put("posting:default:language", user.defaultLanguage());
        prefs.put("reading:expand:media", "default");
        prefs.put("reading:expand:spoilers", false);
        ctx.json(prefs);
    }
}
