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

        /** Made once: a status's entity holds it, and the JSON memo compares an equal string char by char. */
        private final String wireName = name().toLowerCase(Locale.ROOT);

        public String wireName() {
            return wireName;
        }

        public static State parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
