package social.starling.convert.entity;

/** Mastodon's Admin::CanonicalEmailBlock. */
public record AdminCanonicalEmailBlockEntity(String id, String canonicalEmailHash) {
}
