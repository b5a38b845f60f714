package social.starling.model;

import java.time.Instant;

/**
 * One moderation action in the audit log: who ({@code accountId}) did {@code action} (Mastodon's verbs: suspend,
 * silence, resolve, create, destroy ...) to a {@code targetType} (Account, Report, DomainBlock ...), named by
 * {@code humanIdentifier} so the entry still reads well once the target is gone.
 */
public record AuditEntry(long id, long accountId, String action, String targetType, Long targetId,
                         String humanIdentifier, Instant createdAt) {
}
