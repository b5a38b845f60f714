package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon's Announcement (entities/Announcement.md), 3.1.0. {@code starts_at} and {@code ends_at} are nullable;
 * {@code read} is optional (only with a user token). Statuses are documented as full Status entities.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AnnouncementEntity(
        String id,
        String content,
        Instant startsAt,
        Instant endsAt,
        boolean allDay,
        Instant publishedAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean read,
        List<Account> mentions,
        List<StatusEntity> statuses,
        List<StatusEntity.Tag> tags,
        List<CustomEmojiEntity> emojis,
        List<ReactionEntity> reactions) {

    /** Announcement::Account: an account mentioned in the announcement. */
    public record Account(String id, String username, String url, String acct) {
    }
}
