package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.push.PushSubscriptionHandler;
import social.starling.convert.WebPushSubscriptionApiMapper;
import social.starling.jobs.JobRunner;
import social.starling.service.push.PushNotifier;

/** {@code /api/v1/push/subscription} and the Web Push delivery job. */
public final class PushModule implements Module {
    private final PushComponents push;
    private final PushSubscriptionHandler subscription;

    public PushModule(PushComponents push, Edges edges) {
        this.push = push;
        this.subscription = new PushSubscriptionHandler(edges.auth(), push.subscriptions(), push.vapidKeys(),
                new WebPushSubscriptionApiMapper(), edges.json());
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi()
                .get("/api/v1/push/subscription", subscription::show)
                .post("/api/v1/push/subscription", subscription::create)
                .update("/api/v1/push/subscription", subscription::update)
                .delete("/api/v1/push/subscription", subscription::destroy);
    }

    @Override
    public void jobs(JobRunner jobs) {
        jobs.register(PushNotifier.JOB, push.deliver()::handle);
    }
}
