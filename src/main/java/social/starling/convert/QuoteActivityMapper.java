package social.starling.convert;

import java.util.List;
import social.starling.federation.vocab.Activity;
import social.starling.federation.vocab.As2;
import social.starling.federation.vocab.QuoteAnswer;
import social.starling.federation.vocab.QuoteAuthorization;
import social.starling.federation.vocab.QuoteRequest;
import social.starling.model.Account;
import social.starling.model.LocalUris;

/**
 * The FEP-044f exchange as Mastodon 4.5 writes it: our {@code QuoteRequest}, our {@code Accept} / {@code Reject} of
 * someone's request, the {@code QuoteAuthorization} we serve, and its {@code Delete} when the quote is revoked.
 */
public final class QuoteActivityMapper {
    private final LocalUris uris;

    public QuoteActivityMapper(LocalUris uris) {
        this.uris = uris;
    }

    public QuoteRequest request(Account quoter, String requestId, String quotedUri, String quotingUri) {
        return QuoteRequest.of(As2.QUOTE_REQUEST_CONTEXT, requestId, uris.actor(quoter.username()), quotedUri,
                quotingUri);
    }

    /** Accept (with {@code result}, the authorization) or Reject (without) of {@code quoter}'s request. */
    public QuoteAnswer answer(boolean accept, Account quoted, long quoteId, Account quoter, String requestId,
                              String quotedUri, String quotingUri) {
        String actor = uris.actor(quoted.username());
        QuoteRequest request = QuoteRequest.of(null, requestId, quoter.uri(), quotedUri, quotingUri);
        return accept
                ? new QuoteAnswer(As2.QUOTE_REQUEST_CONTEXT, actor + "#accepts/quote_requests/" + quoteId, "Accept",
                        actor, request, uris.quoteAuthorization(quoted.username(), quoteId))
                : new QuoteAnswer(As2.QUOTE_REQUEST_CONTEXT, actor + "#rejects/quote_requests/" + quoteId, "Reject",
                        actor, request, null);
    }

    public QuoteAuthorization authorization(Account quoted, long quoteId, String quotingUri, String quotedUri) {
        String actor = uris.actor(quoted.username());
        return QuoteAuthorization.of(uris.quoteAuthorization(quoted.username(), quoteId), actor, quotingUri,
                quotedUri);
    }

    /** Mastodon's DeleteQuoteAuthorizationSerializer: the object is the authorization's id. */
    public Activity deleteAuthorization(Account quoted, String authorizationUri) {
        return new Activity(As2.CONTEXT, authorizationUri + "#delete", "Delete", uris.actor(quoted.username()), null,
                List.of(As2.PUBLIC), null, authorizationUri);
    }
}
