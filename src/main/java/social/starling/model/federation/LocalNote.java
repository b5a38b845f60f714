package social.starling.model.federation;

import java.util.List;
import social.starling.model.Account;
import social.starling.model.Poll;
import social.starling.model.Status;

/**
 * A local status with everything its ActivityPub form needs.
 *
 * @param mentions        the accounts it addresses (active mentions only: a mention an edit removed is silent and
 *                        no longer addressed, as Mastodon's {@code active_mentions})
 * @param tags            hashtag names
 * @param poll            its poll, or null
 * @param pollClosed      whether the poll has ended (closed, or past its end)
 * @param inReplyToUri    the id of the status it answers, or null (also when that status is gone)
 * @param conversationUri the thread's id, or null
 * @param selfReplies     the first public or unlisted replies of the author to it, oldest first (the first page of
 *                        its {@code replies} collection, as Mastodon's {@code self_replies})
 * @param quotedUri       the id of the status it quotes (a quote pending or accepted), or null
 * @param quoteAuthorizationUri the QuoteAuthorization that approved the quote, or null
 * @param quotePolicy     its quote policy ({@link social.starling.model.QuotePolicy})
 * @param media           its attachments, in order
 */
public record LocalNote(Status status, Account author, List<Account> mentions, List<String> tags, Poll poll,
                        boolean pollClosed, String inReplyToUri, String conversationUri, List<Status> selfReplies,
                        String quotedUri, String quoteAuthorizationUri, int quotePolicy,
                        List<social.starling.model.MediaAttachment> media)
        implements LocalPost {
}
