package social.starling.convert;

import social.starling.convert.entity.NotificationPolicyEntity;
import social.starling.convert.entity.NotificationPolicyV1Entity;
import social.starling.model.NotificationPolicy;
import social.starling.model.NotificationRequest;
import social.starling.model.NotificationPolicy.Action;

/**
 * NotificationPolicy → its API v2 and v1 shapes, with the summary of pending notification requests: how many
 * (at most 100 counted) and how many notifications they hold.
 */
public final class NotificationPolicyApiMapper {

    public NotificationPolicyEntity toApi(NotificationPolicy p, NotificationRequest.Summary summary) {
        return new NotificationPolicyEntity(p.forNotFollowing().wireName(), p.forNotFollowers().wireName(),
                p.forNewAccounts().wireName(), p.forPrivateMentions().wireName(), p.forLimitedAccounts().wireName(),
                p.forBots().wireName(), summary(summary));
    }

    public NotificationPolicyV1Entity toApiV1(NotificationPolicy p, NotificationRequest.Summary summary) {
        return new NotificationPolicyV1Entity(p.forNotFollowing() != Action.ACCEPT,
                p.forNotFollowers() != Action.ACCEPT, p.forNewAccounts() != Action.ACCEPT,
                p.forPrivateMentions() != Action.ACCEPT, summary(summary));
    }

    private static NotificationPolicyEntity.Summary summary(NotificationRequest.Summary s) {
        return new NotificationPolicyEntity.Summary(s.requests(), s.notifications());
    }
}
