package social.starling.federation.inbox;

import java.util.Optional;
import social.starling.service.status.QuoteExchangeService;
import social.starling.service.status.QuoteExchangeService.QuoteLink;

/**
 * The answer (Accept or Reject) to a QuoteRequest a member sent, found by the request's id. An Accept's
 * {@code result} must be a QuoteAuthorization the sender's server serves for this very quote (fetched and checked
 * as {@link NoteIngest#verifyQuoteAuthorization}; Mastodon trusts the Accept alone, Starling checks the stamp too).
 */
final class OurQuoteRequest {
    private OurQuoteRequest() {
    }

    /** Applies the answer to our request {@code requestId}; false when no request of ours has that id. */
    static boolean answer(Inbound a, String requestId, boolean accepted, InboxLookup lookup, NoteIngest notes,
                          QuoteExchangeService quotes) {
        Optional<QuoteLink> ours = lookup.origins().isLocal(requestId)
                ? quotes.ourRequest(a.actor().id(), requestId) : Optional.empty();
        if (ours.isEmpty()) {
            return false;
        }
        Rules.idOnActorOrigin(a);
        QuoteLink link = ours.get();
        if (!accepted) {
            quotes.answeredByRemote(link, false, null);
            return true;
        }
        String result = Activities.ids(a.json().get("result")).stream().findFirst()
                .orElseThrow(() -> a.refuse("an Accept of a QuoteRequest without a result"));
        if (!notes.verifyQuoteAuthorization(result, link.quotedAuthor(), link.quotingUri(), link.quotedUri())) {
            throw a.refuse("the QuoteAuthorization " + result + " does not approve " + link.quotingUri());
        }
        quotes.answeredByRemote(link, true, result);
        return true;
    }
}
