package social.starling.model;

import java.time.Instant;
import java.util.List;

/**
 * A strike (Mastodon's AccountWarning): what moderators did to {@code targetAccountId} ({@code action}: none,
 * disable, sensitive, silence, suspend), with their text, the statuses concerned and the report acted on.
 * {@code accountId} is the moderator (null when the command line acted); {@code overruledAt} is set when an appeal
 * against it was approved.
 */
public record AccountWarning(long id, Long accountId, long targetAccountId, String action, String text,
                             List<Long> statusIds, Long reportId, Instant overruledAt, Instant createdAt) {
}
