package social.starling.convert.entity;

import java.util.List;

/**
 * Mastodon's Relationship (entities/Relationship.md): how the current user relates to the account {@code id}.
 * {@code languages} was added in 4.0.0, {@code requested_by} in 4.1.0.
 */
public record RelationshipEntity(
        String id,
        boolean following,
        boolean showingReblogs,
        boolean notifying,
        List<String> languages,
        boolean followedBy,
        boolean blocking,
        boolean blockedBy,
        boolean muting,
        boolean mutingNotifications,
        boolean requested,
        boolean requestedBy,
        boolean domainBlocking,
        boolean endorsed,
        String note) {
}
