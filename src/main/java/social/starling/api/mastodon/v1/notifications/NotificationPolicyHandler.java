package social.starling.api.mastodon.v1.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.NotificationPolicyApiMapper;
import social.starling.service.notification.NotificationPolicyService;
import social.starling.service.notification.NotificationRequestService;

/**
 * {@code GET/PATCH/PUT /api/v2/notifications/policy} (for_* = accept, filter or drop) and the older
 * {@code GET/PATCH/PUT /api/v1/notifications/policy} (filter_* booleans: true sets filter, false sets accept), each
 * with the summary of pending notification requests.
 */
public final class NotificationPolicyHandler {
    private static final Map<String, String> V1_PARAMS = Map.of(
            "filter_not_following", "for_not_following",
            "filter_not_followers", "for_not_followers",
            "filter_new_accounts", "for_new_accounts",
            "filter_private_mentions", "for_private_mentions");

    private final ApiAuth auth;
    private final NotificationPolicyService policies;
    private final NotificationRequestService requests;
    private final NotificationPolicyApiMapper mapper;
    private final ObjectMapper json;

    public NotificationPolicyHandler(ApiAuth auth, NotificationPolicyService policies,
                                     NotificationRequestService requests, NotificationPolicyApiMapper mapper,
                                     ObjectMapper json) {
        this.auth = auth;
        this.policies = policies;
        this.requests = requests;
        this.mapper = mapper;
        this.json = json;
    }

    public void show(Context ctx) {
        var caller = auth.user(ctx, "read:notifications");
        ctx.json(mapper.toApi(policies.get(caller.accountId()), requests.summary(caller.accountId())));
    }

    public void update(Context ctx) {
        var caller = auth.user(ctx, "write:notifications");
        Params p = Params.of(ctx, json);
        Map<String, String> changes = new LinkedHashMap<>();
        for (String name : NotificationPolicyService.ATTRIBUTES.keySet()) {
            if (p.has(name)) {
                changes.put(name, p.string(name).orElse(""));
            }
        }
        var updated = policies.update(caller.accountId(), changes);
        ctx.json(mapper.toApi(updated, requests.summary(caller.accountId())));
    }

    public void showV1(Context ctx) {
        var caller = auth.user(ctx, "read:notifications");
        ctx.json(mapper.toApiV1(policies.get(caller.accountId()), requests.summary(caller.accountId())));
    }

    public void updateV1(Context ctx) {
        var caller = auth.user(ctx, "write:notifications");
        Params p = Params.of(ctx, json);
        Map<String, String> changes = new LinkedHashMap<>();
        V1_PARAMS.forEach((v1, v2) -> p.bool(v1).ifPresent(on -> changes.put(v2, on ? "filter" : "accept")));
        var updated = policies.update(caller.accountId(), changes);
        ctx.json(mapper.toApiV1(updated, requests.summary(caller.accountId())));
    }
}
