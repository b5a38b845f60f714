package social.starling.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A Web Push subscription (Mastodon's Web::PushSubscription), one per access token: where to push
 * ({@code endpoint}), the user agent's keys to encrypt to (RFC 8291: {@code p256dh}, the uncompressed P-256 point,
 * and {@code auth}, 16 bytes, both base64url), which notification types to push ({@code alerts}) and from whom
 * ({@code policy}). {@code accessToken} is the bearer token that made it, which Mastodon puts in every push.
 */
public record PushSubscription(long id, long accessTokenId, long accountId, String endpoint, String p256dh,
                               String auth, boolean standard, Set<String> alerts, String policy, String accessToken,
                               Instant createdAt, Instant updatedAt) {

    /** Mastodon's alert names (Notification::TYPES), in the order the entity lists them. */
    public static final List<String> ALERTS = List.of("mention", "status", "reblog", "follow", "follow_request",
            "favourite", "poll", "update", "admin.sign_up", "admin.report", "quote", "quoted_update");

    /** data[policy]: push notifications from everyone, from accounts the recipient follows, from its followers, none. */
    public static final List<String> POLICIES = List.of("all", "followed", "follower", "none");

    public boolean alerts(String type) {
        return alerts.contains(type);
    }
}
