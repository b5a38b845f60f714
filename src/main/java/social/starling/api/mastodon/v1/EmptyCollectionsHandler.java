package social.starling.api.mastodon.v1;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import social.starling.api.auth.ApiAuth;

/**
 * Endpoints apps call for features Starling does not have yet. Each answers what Mastodon answers when there is
 * nothing to show — an empty list or an empty object — with Mastodon's authentication rules, so apps work on:
 * trends (tags, statuses, links), announcements and custom emojis.
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
}
