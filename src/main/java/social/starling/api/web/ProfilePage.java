package social.starling.api.web;

import java.util.List;

/**
 * A member's public profile page ({@code /@name}): name, handle, bio and fields (HTML made by Starling's own
 * formatter), the avatar and header when uploaded (else null), the counts, the pinned and latest public posts,
 * the link to older posts (null on the last page) and the head tags.
 */
public record ProfilePage(String displayName, String handle, String bioHtml, List<Field> fields, String avatarUrl,
                          int statuses, int following, int followers, boolean hideCollections, String headerUrl,
                          List<StatusCard> pinned, List<StatusCard> posts, String olderPath, Head head) {
    public record Field(String name, String valueHtml) {
    }
}
