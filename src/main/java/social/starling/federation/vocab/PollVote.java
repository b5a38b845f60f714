package social.starling.federation.vocab;

import java.util.List;

/**
 * One choice in a remote poll, sent to the poll's author as a {@code Create} of this {@code Note} (Mastodon's
 * VoteSerializer): {@code name} is the chosen option's title, {@code inReplyTo} the poll's id.
 */
public record PollVote(String id, String type, String name, String attributedTo, List<String> to, String inReplyTo) {
    public static PollVote of(String id, String name, String attributedTo, String pollAuthor, String pollUri) {
        return new PollVote(id, "Note", name, attributedTo, List.of(pollAuthor), pollUri);
    }
}
