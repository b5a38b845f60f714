package social.starling.federation.vocab;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An avatar ({@code icon}) or header ({@code image}): {@code {"type": "Image", "mediaType", "url"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Image(String type, String mediaType, String url) {
    public static Image of(String mediaType, String url) {
        return new Image("Image", mediaType, url);
    }
}
