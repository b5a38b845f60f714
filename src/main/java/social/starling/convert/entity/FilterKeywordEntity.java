package social.starling.convert.entity;

/** Mastodon's FilterKeyword (entities/FilterKeyword.md), 4.0.0. */
public record FilterKeywordEntity(String id, String keyword, boolean wholeWord) {
}
