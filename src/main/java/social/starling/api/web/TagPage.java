package social.starling.api.web;

import java.util.List;

/** A hashtag's public page ({@code /tags/name}): its latest public posts, older ones' link (or null), head tags. */
public record TagPage(String name, List<StatusCard> posts, String olderPath, Head head) {
}
