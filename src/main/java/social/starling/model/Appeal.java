package social.starling.model;

import java.time.Instant;

/** A member's appeal of one strike (Mastodon's Appeal): {@code state} pending, approved or rejected. */
public record Appeal(long id, long accountId, long warningId, String text, String state, Long decidedByAccountId,
                     Instant decidedAt, Instant createdAt) {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
}
