package social.starling.api.mastodon.v1.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import social.starling.api.Paging;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.NotificationApiMapper;
import social.starling.service.notification.DismissNotificationsService;
import social.starling.service.notification.NotificationQuery;
import social.starling.service.notification.NotificationQueryService;

/**
 * {@code GET /api/v1/notifications} (types[], exclude_types[], account_id, include_filtered; 40 by default, up to
 * 80; Link header by notification id), {@code GET /api/v1/notifications/:id}, {@code GET /api/v1/notifications/unread_count},
 * {@code POST /api/v1/notifications/clear} and {@code POST /api/v1/notifications/:id/dismiss}.
 */
public final class NotificationsHandler {
    private final ApiAuth auth;
    private final NotificationQueryService query;
    private final DismissNotificationsService dismiss;
    private final NotificationApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public NotificationsHandler(ApiAuth auth, NotificationQueryService query, DismissNotificationsService dismiss,
                                NotificationApiMapper mapper, ObjectMapper json, String baseUrl) {
        this.auth = auth;
        this.query = query;
        this.dismiss = dismiss;
        this.mapper = mapper;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:notifications");
        var walk = query.list(caller.accountId(), query(Params.of(ctx, json)), Paging.page(ctx, 40, 80));
        Paging.link(ctx, baseUrl, walk.bounds());
        ctx.json(mapper.toApi(walk.items()));
    }

    public void show(Context ctx) {
        var caller = auth.user(ctx, "read:notifications");
        ctx.json(mapper.toApi(query.show(caller.accountId(), AccountsHandler.pathId(ctx))));
    }

    public void unreadCount(Context ctx) {
        var caller = auth.user(ctx, "read:notifications");
        int limit = Paging.page(ctx, NotificationQueryService.UNREAD_DEFAULT, NotificationQueryService.UNREAD_MAX)
                .limit();
        ctx.json(Map.of("count", query.unreadCount(caller.accountId(), query(Params.of(ctx, json)), limit)));
    }

    public void clear(Context ctx) {
        var caller = auth.user(ctx, "write:notifications");
        dismiss.clear(caller.accountId());
        ctx.json(Map.of());
    }

    public void dismiss(Context ctx) {
        var caller = auth.user(ctx, "write:notifications");
        dismiss.dismiss(caller.accountId(), AccountsHandler.pathId(ctx));
        ctx.json(Map.of());
    }

    /** types[], exclude_types[], account_id and include_filtered, as both API versions take them. */
    public static NotificationQuery query(Params p) {
        Long from = p.string("account_id").filter(s -> !s.isBlank()).map(s -> {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return 0L; // Mastodon finds no such sender: an empty list, not an error
            }
        }).orElse(null);
        return NotificationQuery.of(p.strings("types"), p.strings("exclude_types"), from)
                .withFiltered(p.bool("include_filtered").orElse(false));
    }
}
