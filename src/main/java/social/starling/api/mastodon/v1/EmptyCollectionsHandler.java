package social.starling.api.mastodon.v1;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.service.account.AccountQueryService;

/**
 * Endpoints apps call for features Starling does not have yet. Each answers what Mastodon answers when there is
 * nothing to show — an empty list or an empty object — with Mastodon's authentication rules, so apps work on:
 * trends (tags, statuses, links), follow suggestions, announcements, custom emojis, featured tags, endorsements,
 * and the web push subscription (none exists, and creating one is refused: this server has no VAPID key).
 */
public final class EmptyCollectionsHandler {
    private final ApiAuth auth;
    private final AccountQueryService accounts;

    public EmptyCollectionsHandler(ApiAuth auth, AccountQueryService accounts) {
        this.auth = auth;
        this.accounts = accounts;
    }

    /** GET /api/v1/trends, /trends/tags, /trends/statuses, /trends/links and /api/v1/custom_emojis (public). */
    public void publicList(Context ctx) {
        ctx.json(List.of());
    }

    /** GET /api/v1/suggestions, /api/v2/suggestions. */
    public void suggestions(Context ctx) {
        auth.user(ctx, "read", "read:accounts");
        ctx.json(List.of());
    }

    /** DELETE /api/v1/suggestions/:account_id: nothing was suggested, so nothing is left to dismiss. */
    public void dismissSuggestion(Context ctx) {
        auth.user(ctx, "read", "write", "write:accounts");
        ctx.json(Map.of());
    }

    /** GET /api/v1/announcements. */
    public void announcements(Context ctx) {
        auth.user(ctx, "read");
        ctx.json(List.of());
    }

    /** POST /api/v1/announcements/:id/dismiss. */
    public void dismissAnnouncement(Context ctx) {
        auth.user(ctx, "write", "write:accounts");
        ctx.json(Map.of());
    }

    /** GET /api/v1/featured_tags, /featured_tags/suggestions, /api/v1/endorsements (the caller's own). */
    public void ownAccountList(Context ctx) {
        auth.user(ctx, "read:accounts");
        ctx.json(List.of());
    }

    /** GET /api/v1/accounts/:id/featured_tags and /endorsements (public; an unknown account is not found). */
    public void accountList(Context ctx) {
        accounts.require(AccountsHandler.pathId(ctx));
        ctx.json(List.of());
    }

    /** GET /api/v1/push/subscription: there is none (Mastodon answers "Record not found"). */
    public void pushSubscription(Context ctx) {
        auth.user(ctx, "push");
        throw new NotFoundException("Record not found");
    }

    /** POST /api/v1/push/subscription: web push needs a VAPID key, which this server does not have yet. */
    public void subscribePush(Context ctx) {
        auth.user(ctx, "push");
        throw new UnprocessableException("Validation failed: Web push is not supported by this server");
    }

    /** DELETE /api/v1/push/subscription: nothing to remove. */
    public void unsubscribePush(Context ctx) {
        auth.user(ctx, "push");
        ctx.json(Map.of());
    }
}
