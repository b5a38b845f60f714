package social.starling.federation.inbox;

import social.starling.service.status.QuoteExchangeService;

/**
 * {@code Accept} or {@code Reject} of a member's QuoteRequest (embedded, as Mastodon sends it; see
 * {@link OurQuoteRequest}): the quote becomes accepted with the QuoteAuthorization as approval, or rejected.
 */
public final class AcceptQuoteRequestHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final NoteIngest notes;
    private final QuoteExchangeService quotes;
    private final boolean accept;

    public AcceptQuoteRequestHandler(InboxLookup lookup, NoteIngest notes, QuoteExchangeService quotes,
                                     boolean accept) {
        this.lookup = lookup;
        this.notes = notes;
        this.quotes = quotes;
        this.accept = accept;
    }

    @Override
    public void handle(Inbound a) {
        String requestId = Rules.objectId(a);
        if (!OurQuoteRequest.answer(a, requestId, accept, lookup, notes, quotes)) {
            throw a.refuse("no QuoteRequest of ours has the id " + requestId);
        }
    }

    /** For {@code Accept} / {@code Reject} of a bare id: our QuoteRequest if it is one, else our Follow. */
    public ActivityHandler orElse(ActivityHandler follow) {
        return a -> {
            if (!OurQuoteRequest.answer(a, Rules.objectId(a), accept, lookup, notes, quotes)) {
                follow.handle(a);
            }
        };
    }
}
