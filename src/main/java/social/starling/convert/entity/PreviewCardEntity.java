package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Mastodon's PreviewCard (entities/PreviewCard.md). {@code type} is link, photo, video or rich. {@code authors}
 * was added in 4.3.0, when {@code author_name} and {@code author_url} were deprecated. {@code image} and
 * {@code blurhash} are nullable.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PreviewCardEntity(
        String url,
        String title,
        String description,
        String type,
        List<PreviewCardAuthorEntity> authors,
        String authorName,
        String authorUrl,
        String providerName,
        String providerUrl,
        String html,
        int width,
        int height,
        String image,
        String embedUrl,
        String blurhash) {
}
