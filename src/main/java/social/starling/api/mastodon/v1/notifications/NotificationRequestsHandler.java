package social.starling.api.mastodon.v1.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import social.starling.api.Paging;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.NotificationRequestApiMapper;
import social.starling.service.notification.NotificationRequestService;

/**
 * Notification requests (Mastodon 4.3): the mentions a notification policy filtered, one request per sender.
 * {@code GET /api/v1/notifications/requests} (40 by default, up to 80; Link header by request id, next from any non-empty page), {@code GET
 * .../requests/:id}, {@code POST .../requests/:id/accept} and {@code .../dismiss}, {@code POST .../requests/accept}
 * and {@code .../requests/dismiss} with {@code id[]} (ids not the caller's are ignored, as Mastodon's where(id:)),
 * and {@code GET .../requests/merged}: accepting is done at once, so accepted requests are always merged.
 */
public final class NotificationRequestsHandler {
    private final ApiAuth auth;
    private final NotificationRequestService requests;
    private final NotificationRequestApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public NotificationRequestsHandler(ApiAuth auth, NotificationRequestService requests,
                                       NotificationRequestApiMapper mapper, ObjectMapper json, String baseUrl) {
        this.auth = auth;
        this.requests = requests;
        this.mapper = mapper;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:notifications");
        var page = Paging.page(ctx, 40, 80);
        var list = requests.list(caller.accountId(), page);
        // Mastodon's RequestsController links the next page from every page that has requests.
        Paging.link(ctx, baseUrl, list.stream().map(v -> v.request().id()).toList());
        ctx.json(mapper.toApi(list));
    }

    public void merged(Context ctx) {
        auth.user(ctx, "read:notifications");
        ctx.json(Map.of("merged", true));
    }

    public void show(Context ctx) {
        var caller = auth.user(ctx, "read:notifications");
        ctx.json(mapper.toApi(requests.show(caller.accountId(), AccountsHandler.pathId(ctx))));
    }

    public void accept(Context ctx) {
        var caller = auth.user(ctx, "write:notifications");
        requests.accept(caller.accountId(), AccountsHandler.pathId(ctx));
        ctx.json(Map.of());
    }

    public void dismiss(Context ctx) {
        var caller = auth.user(ctx, "write:notifications");
        requests.dismiss(caller.accountId(), AccountsHandler.pathId(ctx));
        ctx.json(Map.of());
    }

    public void acceptMany(Context ctx) {
        var caller = auth.user(ctx, "write:notifications");
        requests.acceptAll(caller.accountId(), ids(Params.of(ctx, json)));
        ctx.json(Map.of());
    }

    public void dismissMany(Context ctx) {
        var caller = auth.user(ctx, "write:notifications");
        requests.dismissAll(caller.accountId(), ids(Params.of(ctx, json)));
        ctx.json(Map.of());
    }

    /** {@code id[]}: values that are not ids match no request (Mastodon casts them with to_i). */
    private static List<Long> ids(Params p) {
        List<Long> out = new ArrayList<>();
        for (String s : p.strings("id")) {
            try {
                out.add(Long.parseLong(s.trim()));
            } catch (NumberFormatException ignored) {
                // matches nothing
            }
        }
        return out;
    }
}
