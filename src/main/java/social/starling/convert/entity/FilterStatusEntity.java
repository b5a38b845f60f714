package social.starling.convert.entity;

/** Mastodon's FilterStatus (entities/FilterStatus.md), 4.0.0. */
public record FilterStatusEntity(String id, String statusId) {
}
