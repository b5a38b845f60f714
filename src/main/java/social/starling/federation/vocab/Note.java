package social.starling.federation.vocab;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A status as Mastodon's NoteSerializer writes it: {@code Note}, or {@code Question} when it has a poll (then
 * {@code oneOf} or {@code anyOf}, {@code endTime}, {@code closed}, {@code votersCount}). {@code summary} and
 * {@code inReplyTo} are written even when null, as Mastodon does; other null fields are left out. The
 * {@code @context} is null when the note is embedded in an activity or a collection.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Note(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        @JsonInclude(JsonInclude.Include.ALWAYS) String summary,
        @JsonInclude(JsonInclude.Include.ALWAYS) String inReplyTo,
        String published,
        String url,
        String attributedTo,
        List<String> to,
        List<String> cc,
        boolean sensitive,
        String conversation,
        String content,
        Map<String, String> contentMap,
        String updated,
        List<Object> attachment,
        List<Tag> tag,
        Collection replies,
        Collection likes,
        Collection shares,
        List<Option> oneOf,
        List<Option> anyOf,
        String endTime,
        String closed,
        Integer votersCount,
        /* FEP-044f: the quoted object's id, with Fedibird's and Misskey's older names beside it (Mastodon 4.5) */
        String quote,
        String quoteUri,
        @JsonProperty("_misskey_quote") String misskeyQuote,
        /* FEP-044f: the QuoteAuthorization that approved the quote */
        String quoteAuthorization,
        /* GoToSocial's interaction policy, as Mastodon 4.5 writes it: who may quote */
        InteractionPolicy interactionPolicy) {

    /** {@code interactionPolicy}: only {@code canQuote}, as Mastodon 4.5. */
    public record InteractionPolicy(CanQuote canQuote) {
    }

    /** Who may quote: automatically approved (the public collection, the followers collection, the author). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CanQuote(List<String> automaticApproval, List<String> manualApproval) {
    }

    /** A poll option: a nameless Note whose {@code replies.totalItems} is its vote count. */
    public record Option(String type, String name, Collection replies) {
        public static Option of(String name, int votes) {
            return new Option("Note", name, Collection.counted(null, "Collection", votes));
        }
    }

    /** The same note without its {@code @context}, to embed in an activity or a collection. */
    public Note embedded() {
        return new Note(null, id, type, summary, inReplyTo, published, url, attributedTo, to, cc, sensitive,
                conversation, content, contentMap, updated, attachment, tag, replies, likes, shares, oneOf, anyOf,
                endTime, closed, votersCount, quote, quoteUri, misskeyQuote, quoteAuthorization, interactionPolicy);
    }
}
