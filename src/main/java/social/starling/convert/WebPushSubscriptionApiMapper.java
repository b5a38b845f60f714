package social.starling.convert;

import social.starling.convert.entity.WebPushSubscriptionEntity;
import social.starling.model.PushSubscription;

/** PushSubscription → Mastodon's WebPushSubscription; {@code serverKey} is the server's VAPID public key. */
public final class WebPushSubscriptionApiMapper {

    public WebPushSubscriptionEntity toApi(PushSubscription s, String serverKey) {
        return new WebPushSubscriptionEntity(Long.toString(s.id()), s.endpoint(), s.standard(),
                new WebPushSubscriptionEntity.Alerts(s.alerts("mention"), s.alerts("status"), s.alerts("reblog"),
                        s.alerts("follow"), s.alerts("follow_request"), s.alerts("favourite"), s.alerts("poll"),
                        s.alerts("update"), s.alerts("admin.sign_up"), s.alerts("admin.report"), s.alerts("quote"),
                        s.alerts("quoted_update")),
                serverKey, s.policy());
    }
}
