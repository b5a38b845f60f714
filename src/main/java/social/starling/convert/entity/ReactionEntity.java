package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Mastodon's Reaction (entities/Reaction.md), 3.1.0: an emoji reaction to an announcement. {@code me} is
 * optional (only with a user token); {@code url} and {@code static_url} only for custom emoji.
 */
public record ReactionEntity(
        String name,
        int count,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean me,
        @JsonInclude(JsonInclude.Include.NON_NULL) String url,
        @JsonInclude(JsonInclude.Include.NON_NULL) String staticUrl) {
}
