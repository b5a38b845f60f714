package social.starling.model;

import java.time.Instant;

/**
 * Sign-ups whose canonical e-mail address hashes to {@code canonicalEmailHash} are refused (Mastodon's
 * CanonicalEmailBlock); see {@link social.starling.service.moderation.CanonicalEmail}.
 */
public record CanonicalEmailBlock(long id, String canonicalEmailHash, Long referenceAccountId, Instant createdAt) {
}
