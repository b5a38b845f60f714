package social.starling.model;

import java.time.Instant;

/** A moderator's note on a report (Mastodon's ReportNote). */
public record ReportNote(long id, long reportId, long accountId, String content, Instant createdAt) {
}
