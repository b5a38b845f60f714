package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon's V1::Filter (entities/V1_Filter.md), deprecated in 4.0.0: one keyword of a v2 filter, shown as the
 * filters of old. {@code id} is the keyword's; {@code irreversible} means the filter's action is hide;
 * {@code expires_at} is nullable.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FilterV1Entity(String id, String phrase, List<String> context, boolean wholeWord, Instant expiresAt,
                             boolean irreversible) {
}
