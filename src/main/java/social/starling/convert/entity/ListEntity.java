package social.starling.convert.entity;

/**
 * Mastodon's List (entities/List.md). {@code replies_policy} is followed, list or none (3.3.0);
 * {@code exclusive} (4.2.0) removes the list's members from the home feed.
 */
public record ListEntity(String id, String title, String repliesPolicy, boolean exclusive) {
}
