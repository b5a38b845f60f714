package social.starling.api.web;

import java.util.List;

/**
 * A profile page ({@code /@name}, or {@code /@user@domain} for a remote account this server knows): name, handle,
 * bio and fields (HTML made by Starling's own formatter, or remote HTML sanitised when stored), the avatar and
 * header when stored here (else null), the counts, the pinned and latest public posts, the link to older posts
 * (null on the last page) and the head tags. {@code originalUrl} is a remote account's own page (null for a
 * member); {@code interactUri} is a member's ActivityPub id, for "interact from your server" (null for a remote
 * account); {@code notice} is a moderation notice, or null.
 */
public record ProfilePage(String displayName, String handle, String bioHtml, List<Field> fields, String avatarUrl,
                          int statuses, int following, int followers, boolean hideCollections, String headerUrl,
                          List<StatusCard> pinned, List<StatusCard> posts, String olderPath, Head head,
                          String originalUrl, String interactUri, String notice) {
    public record Field(String name, String valueHtml) {
    }
}
