package social.starling.model.view;

import java.util.List;
import social.starling.model.Account;

/** A follow suggestion: the account and why (Mastodon's sources: "featured", "friends_of_friends"). */
public record SuggestionView(Account account, List<String> sources) {
}
