package social.starling.convert;

import social.starling.convert.entity.NotificationPolicyEntity;
import social.starling.convert.entity.NotificationPolicyV1Entity;
import social.starling.model.NotificationPolicy;
import social.starling.model.NotificationPolicy.Action;

/**
 * NotificationPolicy → its API v2 and v1 shapes. The summary counts pending notification requests, of which
 * Starling makes none (it does not filter notifications), so both are 0.
 */
public final class NotificationPolicyApiMapper {
    private static final NotificationPolicyEntity.Summary NO_REQUESTS = new NotificationPolicyEntity.Summary(0, 0);

    public NotificationPolicyEntity toApi(NotificationPolicy p) {
        return new NotificationPolicyEntity(p.forNotFollowing().wireName(), p.forNotFollowers().wireName(),
                p.forNewAccounts().wireName(), p.forPrivateMentions().wireName(), p.forLimitedAccounts().wireName(),
                p.forBots().wireName(), NO_REQUESTS);
    }

    public NotificationPolicyV1Entity toApiV1(NotificationPolicy p) {
        return new NotificationPolicyV1Entity(p.forNotFollowing() != Action.ACCEPT,
                p.forNotFollowers() != Action.ACCEPT, p.forNewAccounts() != Action.ACCEPT,
                p.forPrivateMentions() != Action.ACCEPT, NO_REQUESTS);
    }
}
