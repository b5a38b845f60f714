package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Mastodon's WebPushSubscription (entities/WebPushSubscription.md), 2.4.0. {@code standard} (4.4.0) tells
 * whether pushes follow RFC8030+RFC8291+RFC8292 rather than the legacy drafts.
 */
public record WebPushSubscriptionEntity(String id, String endpoint, boolean standard, String serverKey,
                                        Alerts alerts) {

    /** {@code alerts}: which notification types are pushed. The admin.* keys contain dots. */
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
            @JsonProperty("admin.report") boolean adminReport) {
    }
}
