package social.starling.model;

import java.time.Instant;

/** An invite link: usable {@code maxUses} times (null: unlimited) until {@code expiresAt} (null: never). */
public record Invite(long id, String code, long accountId, Integer maxUses, int uses, Instant expiresAt,
                     Instant revokedAt, Instant createdAt) {
    public boolean usable(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now))
                && (maxUses == null || uses < maxUses);
    }
}
