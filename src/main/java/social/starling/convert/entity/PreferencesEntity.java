package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Mastodon's Preferences (entities/Preferences.md), 2.8.0. The keys contain colons, so each is named explicitly.
 * {@code posting:default:language} is nullable; {@code reading:expand:media} is default, show_all or hide_all.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PreferencesEntity(
        @JsonProperty("posting:default:visibility") String postingDefaultVisibility,
        @JsonProperty("posting:default:sensitive") boolean postingDefaultSensitive,
        @JsonProperty("posting:default:language") String postingDefaultLanguage,
        @JsonProperty("reading:expand:media") String readingExpandMedia,
        @JsonProperty("reading:expand:spoilers") boolean readingExpandSpoilers) {
}
