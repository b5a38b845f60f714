package social.starling.api.mastodon.v1;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import social.starling.api.auth.ApiAuth;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;

/**
 * Endpoints apps call for features Starling does not have yet. Each answers what Mastodon answers when there is
 * nothing to show — an empty list or an empty object — with Mastodon's authentication rules, so apps work on:
 * trends (tags, statuses, links), announcements, custom emojis, and the web push subscription (none exists, and
 * creating one is refused: this server has no VAPID key).
 */
public final class EmptyCollectionsHandler {
    private final ApiAuth auth;

    public EmptyCollectionsHandler(ApiAuth auth) {
        this.auth = auth;
    }

    /** GET /api/v1/trends, /trends/tags, /trends/statuses, /trends/links and /api/v1/custom_emojis (public). */
    public void publicList(Context ctx) {
        ctx.json(List.of());
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
