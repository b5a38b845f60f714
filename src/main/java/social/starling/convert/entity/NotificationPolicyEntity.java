package social.starling.convert.entity;

/**
 * Mastodon's NotificationPolicy (entities/NotificationPolicy.md), v2 shape, 4.3.0. Each for_* attribute is
 * accept, filter or drop; {@code for_bots} was added in 4.6.0.
 */
public record NotificationPolicyEntity(
        String forNotFollowing,
        String forNotFollowers,
        String forNewAccounts,
        String forPrivateMentions,
        String forLimitedAccounts,
        String forBots,
        Summary summary) {

    /** {@code summary}: pending requests (capped at 100) and pending notifications. */
    public record Summary(int pendingRequestsCount, int pendingNotificationsCount) {
    }
}
