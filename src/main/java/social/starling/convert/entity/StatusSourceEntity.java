package social.starling.convert.entity;

/** Mastodon's StatusSource (entities/StatusSource.md), 3.5.0: the plain text a status was composed from. */
public record StatusSourceEntity(String id, String text, String spoilerText) {
}
