package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * NodeInfo 2.0 / 2.1 (camelCase by its schema, unlike Mastodon's API). {@code repository} and {@code homepage}
 * exist only in 2.1 and are left out of 2.0.
 */
public record NodeInfo(
        @JsonProperty("version") String version,
        @JsonProperty("software") Software software,
        @JsonProperty("protocols") List<String> protocols,
        @JsonProperty("services") Services services,
        @JsonProperty("usage") Usage usage,
        @JsonProperty("openRegistrations") boolean openRegistrations,
        @JsonProperty("metadata") Map<String, Object> metadata) {

    public record Software(
            @JsonProperty("name") String name,
            @JsonProperty("version") String version,
            @JsonProperty("repository") @JsonInclude(JsonInclude.Include.NON_NULL) String repository,
            @JsonProperty("homepage") @JsonInclude(JsonInclude.Include.NON_NULL) String homepage) {
    }

    public record Services(@JsonProperty("inbound") List<String> inbound,
                           @JsonProperty("outbound") List<String> outbound) {
    }

    public record Usage(@JsonProperty("users") Users users, @JsonProperty("localPosts") int localPosts) {
    }

    public record Users(@JsonProperty("total") int total, @JsonProperty("activeMonth") int activeMonth,
                        @JsonProperty("activeHalfyear") int activeHalfyear) {
    }
}
