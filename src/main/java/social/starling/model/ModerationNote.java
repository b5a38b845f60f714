package social.starling.model;

import java.time.Instant;

/** A staff-only note about an account (Mastodon's AccountModerationNote), written by {@code accountId}. */
public record ModerationNote(long id, long accountId, long targetAccountId, String content, Instant createdAt) {
}
