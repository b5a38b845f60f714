package social.starling.wiring;

import social.starling.convert.AccountApiMapper;
import social.starling.db.PushSubscriptionRepository;
import social.starling.push.Vapid;
import social.starling.push.WebPushHandler;
import social.starling.service.push.PushNotifier;
import social.starling.service.push.PushSubscriptionService;
import social.starling.service.push.VapidKeys;

/**
 * Web Push: the subscriptions of access tokens, the server's VAPID key (also shown in the instance entity), the
 * listener that queues a push per notification and subscription, and the job that encrypts and sends it through
 * the federation's outbound client (so its address guard applies).
 */
public record PushComponents(VapidKeys vapidKeys, PushSubscriptionService subscriptions, PushNotifier notifier,
                             WebPushHandler deliver) {

    public static PushComponents build(Core core, Repositories repos, RemoteAccountComponents remote) {
        var repo = new PushSubscriptionRepository();
        var keys = new VapidKeys(core.db(), repo, core.clock());
        var service = new PushSubscriptionService(core.db(), repo, core.ids(), core.clock(),
                core.config().federation().allowPrivate());
        var notifier = new PushNotifier(core.db(), repo, repos.relationships(), core.jobs(), core.clock());
        notifier.listenTo(core.events());
        var deliver = new WebPushHandler(core.db(), repo, repos.accounts(), repos.statuses(), repos.users(), notifier,
                new Vapid(keys, core.config().instance().contactEmail(), core.baseUrl()),
                new AccountApiMapper(core.uris()), remote.unguardedFetcher(), core.json(), core.clock());
        return new PushComponents(keys, service, notifier, deliver);
    }
}
