package social.starling.convert.entity;

import java.time.Instant;

/** Mastodon's Admin::IpBlock. */
public record AdminIpBlockEntity(String id, String ip, String severity, String comment, Instant createdAt,
                                 Instant expiresAt) {
}
