package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Mastodon's CustomEmoji (entities/CustomEmoji.md); {@code category} is nullable (3.0.0). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CustomEmojiEntity(String shortcode, String url, String staticUrl, boolean visibleInPicker,
                                String category) {
}
