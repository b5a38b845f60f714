package social.starling.api.mastodon.v2;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import social.starling.api.Paging;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.notifications.NotificationsHandler;
import social.starling.convert.AccountApiMapper;
import social.starling.convert.NotificationApiMapper;
import social.starling.errors.BadRequestException;
import social.starling.model.Page;
import social.starling.service.notification.DismissNotificationsService;
import social.starling.service.notification.GroupedNotificationService;
import social.starling.service.notification.NotificationQueryService;

/**
 * Grouped notifications (Mastodon 4.3): {@code GET /api/v2/notifications} (types[], exclude_types[], account_id,
 * grouped_types[], expand_accounts, include_filtered; 40 groups by default, up to 80; Link header by notification
 * id), {@code GET /api/v2/notifications/:group_key}, {@code GET /api/v2/notifications/:group_key/accounts},
 * {@code POST /api/v2/notifications/:group_key/dismiss} and {@code GET /api/v2/notifications/unread_count}.
 * {@code include_filtered=true} adds the notifications a policy filtered.
 */
public final class GroupedNotificationsHandler {
    private final ApiAuth auth;
    private final GroupedNotificationService grouped;
    private final DismissNotificationsService dismiss;
    private final NotificationApiMapper mapper;
    private final AccountApiMapper accountApi;
    private final ObjectMapper json;
    private final String baseUrl;

    public GroupedNotificationsHandler(ApiAuth auth, GroupedNotificationService grouped,
                                       DismissNotificationsService dismiss, NotificationApiMapper mapper,
                                       AccountApiMapper accountApi, ObjectMapper json, String baseUrl) {
        this.auth = auth;
        this.grouped = grouped;
        this.dismiss = dismiss;
        this.mapper = mapper;
        this.accountApi = accountApi;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:notifications");
        Params p = Params.of(ctx, json);
        boolean partial = expandAccounts(p);
        var result = grouped.list(caller.accountId(), NotificationsHandler.query(p), Paging.page(ctx, 40, 80),
                groupedTypes(p));
        Paging.link(ctx, baseUrl, result.bounds());
        ctx.json(mapper.toApi(result, partial));
    }

    public void show(Context ctx) {
        var caller = auth.user(ctx, "read:notifications");
        ctx.json(mapper.toApi(grouped.group(caller.accountId(), ctx.pathParam("group_key")), false));
    }

    public void accounts(Context ctx) {
        var caller = auth.user(ctx, "read:notifications");
        Page page = Paging.page(ctx, 40, 80);
        var senders = grouped.senders(caller.accountId(), ctx.pathParam("group_key"), page);
        Paging.link(ctx, baseUrl, senders.pageIds(), page);
        ctx.json(senders.accounts().stream().map(accountApi::toApi).toList());
    }

    public void dismiss(Context ctx) {
        var caller = auth.user(ctx, "write:notifications");
        dismiss.dismissGroup(caller.accountId(), ctx.pathParam("group_key"));
        ctx.json(Map.of());
    }

    public void unreadCount(Context ctx) {
        var caller = auth.user(ctx, "read:notifications");
        Params p = Params.of(ctx, json);
        int limit = Paging.page(ctx, NotificationQueryService.UNREAD_DEFAULT, NotificationQueryService.UNREAD_MAX)
                .limit();
        ctx.json(Map.of("count", grouped.unreadCount(caller.accountId(), NotificationsHandler.query(p),
                groupedTypes(p), limit)));
    }

    private static java.util.Set<social.starling.model.NotificationType> groupedTypes(Params p) {
        return GroupedNotificationService.groupedTypes(p.has("grouped_types")
                ? Optional.of(p.strings("grouped_types")) : Optional.empty());
    }

    /** {@code expand_accounts}: {@code full} (the default) or {@code partial_avatars}. */
    private static boolean expandAccounts(Params p) {
        String value = p.string("expand_accounts").orElse("full");
        return switch (value) {
            case "full", "" -> false;
            case "partial_avatars" -> true;
            default -> throw new BadRequestException("expand_accounts must be full or partial_avatars");
        };
    }
}
