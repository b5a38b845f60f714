package social.starling.convert.entity;

/**
 * Mastodon's FeaturedTag (entities/FeaturedTag.md), 3.0.0: a hashtag featured on a profile. {@code statuses_count}
 * is documented as a String; {@code last_status_at} is a date (yyyy-MM-dd).
 */
public record FeaturedTagEntity(String id, String name, String url, String statusesCount, String lastStatusAt) {
}
