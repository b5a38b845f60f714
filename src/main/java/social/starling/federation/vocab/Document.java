package social.starling.federation.vocab;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A media attachment as Mastodon's NoteSerializer writes it: {@code {"type": "Document", "mediaType", "url",
 * "name", "blurhash", "focalPoint", "width", "height"}}. {@code name} (the description) is written even when null,
 * as Mastodon does; the other null fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Document(String type, String mediaType, String url,
                       @JsonInclude(JsonInclude.Include.ALWAYS) String name, String blurhash,
                       List<Double> focalPoint, Integer width, Integer height) {
}
