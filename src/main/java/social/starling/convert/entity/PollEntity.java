package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon's Poll (entities/Poll.md). {@code expires_at} and {@code voters_count} are nullable;
 * {@code voted} and {@code own_votes} are optional (only with a user token).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PollEntity(
        String id,
        Instant expiresAt,
        boolean expired,
        boolean multiple,
        int votesCount,
        Integer votersCount,
        List<Option> options,
        List<CustomEmojiEntity> emojis,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean voted,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> ownVotes) {

    /** Poll::Option; {@code votes_count} is null while results are not published. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Option(String title, Integer votesCount) {
    }
}
