package social.starling.api.web;

import java.util.List;

/**
 * A member's public profile page ({@code /@name}): name, handle, bio and fields (HTML made by Starling's own
 * formatter), the avatar when one was uploaded (else null), and the counts.
 */
public record ProfilePage(String displayName, String handle, String bioHtml, List<Field> fields, String avatarUrl,
                          int statuses, int following, int followers, boolean hideCollections) {
    public record Field(String name, String valueHtml) {
    }
}
