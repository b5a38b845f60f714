package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** Mastodon's ScheduledStatus (entities/ScheduledStatus.md), 2.7.0. */
public record ScheduledStatusEntity(
        String id,
        Instant scheduledAt,
        Params params,
        List<MediaAttachmentEntity> mediaAttachments) {

    /**
     * The parameters the status will be posted with. Nullable: {@code poll}, {@code media_ids}, {@code sensitive},
     * {@code spoiler_text}, {@code in_reply_to_id}, {@code language}, {@code idempotency},
     * {@code quoted_status_id}; {@code scheduled_at} is always null. {@code application_id} and
     * {@code with_rate_limit} are deprecated, kept for compatibility.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Params(
            String text,
            Poll poll,
            List<String> mediaIds,
            Boolean sensitive,
            String spoilerText,
            /* public, unlisted, private, direct */
            String visibility,
            /* documented as Integer; a status id, written as a string like every id */
            String inReplyToId,
            String language,
            Long applicationId,
            String scheduledAt,
            String idempotency,
            /* 4.5.0 */
            String quotedStatusId,
            /* 4.5.0: public, followers, nobody */
            String quoteApprovalPolicy,
            boolean withRateLimit) {
    }

    /** {@code params[poll]}; {@code multiple} and {@code hide_totals} are optional. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Poll(
            List<String> options,
            int expiresIn,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean multiple,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean hideTotals) {
    }
}
