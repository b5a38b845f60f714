package social.starling.model.view;

import java.util.List;
import social.starling.model.Account;
import social.starling.model.Poll;
import social.starling.model.Status;

/**
 * Everything needed to show one status to one viewer: the status and its author, the reblogged status (itself a
 * view), mentioned accounts, tags, poll, the posting app, the viewer's marks, and keyword filter matches.
 */
public record StatusView(Status status, Account account, StatusView reblog, List<Account> mentions, List<String> tags,
                         PollView poll, App application, Marks viewer, List<FilterMatch> filtered) {

    /** The posting application (shown to the author). */
    public record App(String name, String website) {
    }

    /** The viewer's marks; null for visitors. {@code pinned} is null unless the status is the viewer's own and
     * could be pinned (Mastodon's {@code pinnable?}). */
    public record Marks(boolean favourited, boolean reblogged, boolean bookmarked, boolean muted, Boolean pinned) {
    }

    /** A poll with whether the viewer voted and for what. */
    public record PollView(Poll poll, Boolean voted, List<Integer> ownVotes, boolean expired) {
    }

    /** A filter that matched, with what matched. */
    public record FilterMatch(long filterId, String title, List<String> contexts, String action,
                              java.time.Instant expiresAt, List<String> keywordMatches, List<String> statusMatches,
                              List<Keyword> keywords, List<Long> statusIds) {
        public record Keyword(long id, String keyword, boolean wholeWord) {
        }
    }
}
