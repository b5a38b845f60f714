package social.starling.convert;

import java.util.List;
import java.util.Map;
import social.starling.convert.entity.SuggestionEntity;
import social.starling.model.view.SuggestionView;

/**
 * SuggestionView → Mastodon's Suggestion (v2). The deprecated {@code source} is derived from the first of
 * {@code sources} as REST::SuggestionSerializer does: featured → staff, friends_of_friends → past_interactions.
 */
public final class SuggestionApiMapper {
    private static final Map<String, String> LEGACY = Map.of(
            "featured", "staff",
            "most_followed", "global",
            "most_interactions", "global",
            "similar_to_recently_followed", "past_interactions",
            "friends_of_friends", "past_interactions");

    private final AccountApiMapper accounts;

    public SuggestionApiMapper(AccountApiMapper accounts) {
        this.accounts = accounts;
    }

    public SuggestionEntity toApi(SuggestionView s) {
        return new SuggestionEntity(LEGACY.getOrDefault(s.sources().getFirst(), "global"), s.sources(),
                accounts.toApi(s.account()));
    }

    public List<SuggestionEntity> toApi(List<SuggestionView> suggestions) {
        return suggestions.stream().map(this::toApi).toList();
    }
}
