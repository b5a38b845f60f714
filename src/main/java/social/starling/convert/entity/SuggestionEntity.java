package social.starling.convert.entity;

import java.util.List;

/**
 * Mastodon's Suggestion (entities/Suggestion.md), 3.4.0. {@code source} (staff, past_interactions, global) is
 * deprecated since 4.3.0 in favour of {@code sources}: featured, most_followed, most_interactions,
 * similar_to_recently_followed, friends_of_friends.
 */
public record SuggestionEntity(String source, List<String> sources, AccountEntity account) {
}
