package social.starling.convert.entity;

import java.time.Instant;

/**
 * Mastodon's RelationshipSeveranceEvent (entities/RelationshipSeveranceEvent.md), 4.3.0. {@code type} is
 * domain_block, user_domain_block or account_suspension.
 */
public record RelationshipSeveranceEventEntity(
        String id,
        String type,
        boolean purged,
        String targetName,
        int followersCount,
        int followingCount,
        Instant createdAt) {
}
