package social.starling.convert.entity;

/**
 * Mastodon's Token (entities/Token.md): an OAuth access token. {@code scope} is space-separated;
 * {@code created_at} is a UNIX timestamp in seconds.
 */
public record TokenEntity(String accessToken, String tokenType, String scope, long createdAt) {
}
