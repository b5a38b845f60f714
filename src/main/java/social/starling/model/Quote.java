package social.starling.model;

import java.time.Instant;
import java.util.Locale;

/**
 * A quote post's link to what it quotes (Mastodon's Quote): {@code statusId} quotes {@code quotedStatusId}, which is
 * null once the quoted status is deleted. {@code state} is whether the quoted author approved it.
 */
public record Quote(long id, long statusId, long accountId, Long quotedStatusId, Long quotedAccountId, State state,
                    String activityUri, String approvalUri, Instant createdAt) {

    /** Mastodon's Quote#state. */
    public enum State {
        PENDING, ACCEPTED, REJECTED, REVOKED, DELETED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
