package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon's Filter (entities/Filter.md), v2 filters since 4.0.0. {@code context} holds home, notifications,
 * public, thread, account; {@code filter_action} is warn, hide or blur (4.4.0). {@code expires_at} is nullable;
 * {@code keywords} and {@code statuses} are optional, left out when the filter is part of a FilterResult.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FilterEntity(
        String id,
        String title,
        List<String> context,
        Instant expiresAt,
        String filterAction,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FilterKeywordEntity> keywords,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FilterStatusEntity> statuses) {
}
