package social.starling.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A range of addresses with a sign-up or access policy (Mastodon's IpBlock): {@code ip} is the range's canonical CIDR
 * text ({@code 10.0.0.0/8}); {@code expiresAt} null is forever.
 */
public record IpBlock(long id, String ip, Severity severity, String comment, Instant expiresAt, Instant createdAt) {

    /** Mastodon's severities, by their API names. */
    public enum Severity {
        SIGN_UP_REQUIRES_APPROVAL, SIGN_UP_BLOCK, NO_ACCESS;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Severity> fromApi(String name) {
            for (Severity s : values()) {
                if (s.apiName().equals(name)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** Whether the block still applies at {@code now}. */
    public boolean active(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
