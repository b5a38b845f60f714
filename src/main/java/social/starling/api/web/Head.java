package social.starling.api.web;

/**
 * Extra head tags of a public page: OpenGraph (title, plain-text description, image, canonical URL, type), the
 * ActivityPub and RSS alternates (null when there is none), and {@code noindex} for members who opted out of
 * search engines.
 */
public record Head(String title, String description, String image, String url, String type, String activityJson,
                   String rss, boolean noindex) {
}
