package social.starling.convert.entity;

import java.time.Instant;

/**
 * Mastodon's Marker (entities/Marker.md), 3.0.0: the last read position in one timeline. GET /api/v1/markers
 * answers a hash of these keyed by timeline ({@code home}, {@code notifications}).
 */
public record MarkerEntity(String lastReadId, int version, Instant updatedAt) {
}
