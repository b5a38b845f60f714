package social.starling.convert.entity;

/**
 * Mastodon's NotificationPolicy in its API v1 shape (REST::V1::NotificationPolicySerializer, 4.3): each filter_*
 * is true unless the v2 value is {@code accept}.
 */
public record NotificationPolicyV1Entity(
        boolean filterNotFollowing,
        boolean filterNotFollowers,
        boolean filterNewAccounts,
        boolean filterPrivateMentions,
        NotificationPolicyEntity.Summary summary) {
}
