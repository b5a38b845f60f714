package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon's StatusEdit (entities/StatusEdit.md), 3.5.0: one revision of an edited status. {@code poll} is
 * optional (only when the status has a poll); {@code quote} (4.4.0) is optional and nullable.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatusEditEntity(
        String content,
        String spoilerText,
        boolean sensitive,
        Instant createdAt,
        AccountEntity account,
        @JsonInclude(JsonInclude.Include.NON_NULL) Poll poll,
        List<MediaAttachmentEntity> mediaAttachments,
        List<CustomEmojiEntity> emojis,
        @JsonInclude(JsonInclude.Include.NON_NULL) StatusEntity.AnyQuote quote) {

    /** The poll's options at this revision. */
    public record Poll(List<Option> options) {
    }

    /** A poll option at this revision. */
    public record Option(String title) {
    }
}
