package social.starling.api.mastodon.v1.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.WebPushSubscriptionApiMapper;
import social.starling.errors.BadRequestException;
import social.starling.model.PushSubscription;
import social.starling.service.oauth.Caller;
import social.starling.service.push.PushSubscriptionService;
import social.starling.service.push.PushSubscriptionService.Data;
import social.starling.service.push.PushSubscriptionService.Subscribe;
import social.starling.service.push.VapidKeys;

/**
 * {@code /api/v1/push/subscription} (Mastodon's Api::V1::Push::SubscriptionsController), the subscription of the
 * calling access token, scope {@code push}: POST {@code subscription[endpoint]}, {@code subscription[keys][p256dh]},
 * {@code subscription[keys][auth]}, {@code subscription[standard]}, {@code data[alerts][<type>]},
 * {@code data[policy]} subscribes (replacing the token's previous one); GET shows it; PUT changes {@code data}
 * (the policy also as a top-level {@code policy}, as the documentation writes it); DELETE removes it ({@code {}}).
 */
public final class PushSubscriptionHandler {
    private final ApiAuth auth;
    private final PushSubscriptionService subscriptions;
    private final VapidKeys vapid;
    private final WebPushSubscriptionApiMapper mapper;
    private final ObjectMapper json;

    public PushSubscriptionHandler(ApiAuth auth, PushSubscriptionService subscriptions, VapidKeys vapid,
                                   WebPushSubscriptionApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.subscriptions = subscriptions;
        this.vapid = vapid;
        this.mapper = mapper;
        this.json = json;
    }

    public void create(Context ctx) {
        Caller caller = auth.user(ctx, "push");
        Params p = Params.of(ctx, json);
        Params sub = p.object("subscription")
                .orElseThrow(() -> new BadRequestException("Missing parameter subscription"));
        Params keys = sub.object("keys").orElse(Params.wrap(null));
        Subscribe request = new Subscribe(sub.string("endpoint").orElse(null), keys.string("p256dh").orElse(null),
                keys.string("auth").orElse(null), sub.bool("standard", false), data(p, false));
        render(ctx, subscriptions.subscribe(caller.token().id(), caller.accountId(), ApiAuth.bearerToken(ctx),
                request));
    }

    public void show(Context ctx) {
        Caller caller = auth.user(ctx, "push");
        render(ctx, subscriptions.find(caller.token().id()));
    }

    public void update(Context ctx) {
        Caller caller = auth.user(ctx, "push");
        render(ctx, subscriptions.update(caller.token().id(), data(Params.of(ctx, json), true)));
    }

    public void destroy(Context ctx) {
        Caller caller = auth.user(ctx, "push");
        subscriptions.unsubscribe(caller.token().id());
        ctx.json(Map.of());
    }

    private static Data data(Params p, boolean topLevelPolicy) {
        Params data = p.object("data").orElse(Params.wrap(null));
        Params alerts = data.object("alerts").orElse(Params.wrap(null));
        Map<String, Boolean> on = new LinkedHashMap<>();
        for (String name : PushSubscription.ALERTS) {
            alerts.bool(name).ifPresent(value -> on.put(name, value));
        }
        Optional<String> policy = data.string("policy");
        if (policy.isEmpty() && topLevelPolicy) {
            policy = p.string("policy");
        }
        return new Data(on, policy.orElse(null));
    }

    private void render(Context ctx, PushSubscription s) {
        ctx.json(mapper.toApi(s, vapid.publicKey()));
    }
}
