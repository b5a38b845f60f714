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
                         PollView poll, App application, Marks viewer, List<FilterMatch> filtered, Quoting quoting,
                         List<social.starling.model.MediaAttachment> media) {

    /** The same view with its quote information. */
    public StatusView withQuoting(Quoting q) {
        return new StatusView(status, account, reblog, mentions, tags, poll, application, viewer, filtered, q, media);
    }

    /** The same view with another reblogged status. */
    public StatusView withReblog(StatusView r) {
        return new StatusView(status, account, r, mentions, tags, poll, application, viewer, filtered, quoting,
                media);
    }

    /**
     * Quote posts around this status: the quote it makes (null when it quotes nothing), how many accepted quotes
     * it has, its quote policy ({@link social.starling.model.QuotePolicy}) and what that policy means for the viewer
     * ({@code automatic}, {@code manual}, {@code unknown}, {@code denied}).
     */
    public record Quoting(QuoteView quote, int quotesCount, int policy, String currentUser) {
        public static final Quoting NONE = new Quoting(null, 0, 0, "denied");
    }

    /**
     * The quote a status makes, as the viewer sees it: the state (pending, accepted, rejected, revoked, and for an
     * accepted quote deleted or unauthorized when the quoted status is gone or hidden from the viewer), the quoted
     * status's id and view when the viewer may see it.
     */
    public record QuoteView(String state, Long quotedStatusId, StatusView quoted) {
    }

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
