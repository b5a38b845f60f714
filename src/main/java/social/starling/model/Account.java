package social.starling.model;

import java.time.Instant;
import java.util.List;

/**
 * An actor, local or remote. {@code domain} is null for local accounts. {@code note} is HTML (for local accounts
 * rendered from {@code noteSource}); {@code fields} are the profile's name/value pairs, values as HTML.
 */
public record Account(
        long id,
        String username,
        String domain,
        String displayName,
        String note,
        String noteSource,
        List<Field> fields,
        String uri,
        String url,
        String inboxUri,
        String sharedInboxUri,
        String outboxUri,
        String followersUri,
        String followingUri,
        String featuredUri,
        String actorType,
        boolean locked,
        boolean discoverable,
        boolean indexable,
        boolean hideCollections,
        boolean memorial,
        String avatarFile,
        String avatarRemoteUrl,
        String headerFile,
        String headerRemoteUrl,
        String publicKey,
        int followersCount,
        int followingCount,
        int statusesCount,
        Instant lastStatusAt,
        Instant suspendedAt,
        Instant silencedAt,
        Instant createdAt,
        Instant updatedAt) {

    public record Field(String name, String value, Instant verifiedAt) {
    }

    public boolean isLocal() {
        return domain == null;
    }

    /** The handle as Mastodon's {@code acct}: {@code user} for local accounts, {@code user@domain} for remote. */
    public String acct() {
        return domain == null ? username : username + "@" + domain;
    }

    public boolean bot() {
        return "Service".equals(actorType) || "Application".equals(actorType);
    }

    public boolean group() {
        return "Group".equals(actorType);
    }

    public boolean suspended() {
        return suspendedAt != null;
    }
}
