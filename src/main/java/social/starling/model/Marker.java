package social.starling.model;

import java.time.Instant;

/**
 * A person's last read position in one timeline ({@code home} or {@code notifications}), as Mastodon's Marker:
 * {@code version} counts the updates (Mastodon's lock_version).
 */
public record Marker(String timeline, long lastReadId, int version, Instant updatedAt) {
    /** The timelines Mastodon keeps markers for (Marker::TIMELINES). */
    public static final java.util.List<String> TIMELINES = java.util.List.of("home", "notifications");
}
