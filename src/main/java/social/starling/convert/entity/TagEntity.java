package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Mastodon's Tag (entities/Tag.md). {@code following} (4.0.0) and {@code featuring} (4.4.0) are optional,
 * present only with a user token.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TagEntity(
        /* database id, for moderation and admin URLs (4.4.0) */
        String id,
        String name,
        String url,
        List<History> history,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean following,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean featuring) {

    /** One day of usage: {@code day} is a UNIX timestamp, the counts are integers as strings. */
    public record History(String day, String uses, String accounts) {
    }
}
