package social.starling.federation.inbox;

import social.starling.service.status.QuoteExchangeService;

/**
 * {@code Delete} of a QuoteAuthorization (Mastodon's delete.rb {@code revoke_quote}; Mastodon names it by its id
 * only): the quoted author revokes the approval of a quote stored here. A Delete of a bare id that is no
 * authorization of the sender's is a Delete of a note ({@link DeleteNoteHandler}).
 */
public final class DeleteQuoteAuthorizationHandler implements ActivityHandler {
    private final QuoteExchangeService quotes;
    private final ActivityHandler otherwise;

    public DeleteQuoteAuthorizationHandler(QuoteExchangeService quotes, ActivityHandler otherwise) {
        this.quotes = quotes;
        this.otherwise = otherwise;
    }

    @Override
    public void handle(Inbound a) {
        Rules.idOnActorOrigin(a);
        String id = Rules.objectId(a);
        Rules.onActorOrigin(a, id);
        if (!quotes.authorizationDeleted(a.actor().id(), id)) {
            otherwise.handle(a);
        }
    }
}
