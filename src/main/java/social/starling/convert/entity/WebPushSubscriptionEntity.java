package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Mastodon's WebPushSubscription (entities/WebPushSubscription.md; REST::WebPushSubscriptionSerializer): the id as a
 * string, where pushes go, {@code standard} (4.4.0: the client asked for RFC 8030 + 8291 + 8292 rather than the
 * legacy drafts, as it sent it), which alerts are pushed, the server's VAPID public key and the policy (3.4.0).
 */
public record WebPushSubscriptionEntity(String id, String endpoint, boolean standard, Alerts alerts, String serverKey,
                                        String policy) {

    /** {@code alerts}: every type Mastodon 4.5 knows, on or off. The admin.* keys contain dots. */
    public record Alerts(
            boolean mention,
            boolean status,
            boolean reblog,
            boolean follow,
            boolean followRequest,
            boolean favourite,
            boolean poll,
            boolean update,
            @JsonProperty("admin.sign_up") boolean adminSignUp,
            @JsonProperty("admin.report") boolean adminReport,
            boolean quote,
            boolean quotedUpdate) {
    }
}
