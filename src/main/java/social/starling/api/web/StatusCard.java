package social.starling.api.web;

import java.util.List;

/**
 * One status in a list on a public page: author, content HTML (as the API serves it), content warning (null
 * without one), when (shown and ISO), the link to its own page, and the thumbnails of its media.
 */
public record StatusCard(String displayName, String handle, String profileUrl, String contentHtml,
                         String spoilerText, String published, String publishedIso, String url,
                         List<Thumbnail> media) {
    public record Thumbnail(String url, String previewUrl, String description) {
    }
}
