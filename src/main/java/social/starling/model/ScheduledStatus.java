package social.starling.model;

import java.time.Instant;
import java.util.List;

/**
 * A status to be posted later (Mastodon's ScheduledStatus): the parameters it was sent with, kept as given, and
 * when to publish it.
 */
public record ScheduledStatus(long id, long accountId, Instant scheduledAt, Params params, Instant createdAt) {

    /** What POST /api/v1/statuses received, minus {@code scheduled_at}; null where not given. */
    public record Params(String text, String spoilerText, String visibility, Boolean sensitive, String language,
                         Long inReplyToId, Poll poll, List<String> mediaIds, Long applicationId) {
    }

    /** {@code poll[...]} as given. */
    public record Poll(List<String> options, Integer expiresIn, boolean multiple, boolean hideTotals) {
    }
}
