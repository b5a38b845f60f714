package social.starling.api.mastodon.v1.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import social.starling.api.Paging;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.errors.NotFoundException;

/**
 * Notification requests (Mastodon 4.3): the notifications a policy filtered, per sender. Starling does not filter
 * notifications (see NotificationPolicyService), so there are never any: the list is empty (its paging parameters
 * are still checked), a request by id is 404, and accepted requests are always merged.
 */
public final class NotificationRequestsHandler {
    private final ApiAuth auth;
    private final ObjectMapper json;

    public NotificationRequestsHandler(ApiAuth auth, ObjectMapper json) {
        this.auth = auth;
        this.json = json;
    }

    /** {@code GET /api/v1/notifications/requests}: 40 by default, up to 80; none to show, so no Link header. */
    public void index(Context ctx) {
        auth.user(ctx, "read:notifications");
        Paging.page(ctx, 40, 80);
        ctx.json(List.of());
    }

    /** {@code GET /api/v1/notifications/requests/merged}. */
    public void merged(Context ctx) {
        auth.user(ctx, "read:notifications");
        ctx.json(Map.of("merged", true));
    }

    /** {@code GET /api/v1/notifications/requests/:id}. */
    public void show(Context ctx) {
        auth.user(ctx, "read:notifications");
        throw new NotFoundException("Record not found");
    }

    /** {@code POST /api/v1/notifications/requests/:id/accept} and {@code .../dismiss}. */
    public void act(Context ctx) {
        auth.user(ctx, "write:notifications");
        throw new NotFoundException("Record not found");
    }

    /** {@code POST /api/v1/notifications/requests/accept} and {@code .../dismiss} with {@code id[]}. */
    public void actMany(Context ctx) {
        auth.user(ctx, "write:notifications");
        if (!Params.of(ctx, json).strings("id").isEmpty()) {
            throw new NotFoundException("Record not found");
        }
        ctx.json(Map.of());
    }
}
