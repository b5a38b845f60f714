package social.starling.service.status;

import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.QuoteRepository;
import social.starling.db.StatusRepository;
import social.starling.errors.NotFoundException;
import social.starling.model.Quote;
import social.starling.service.status.QuoteExchangeService.QuoteLink;

/**
 * The QuoteAuthorization a local author gives an accepted quote of their status, as other servers fetch it
 * (Mastodon's ActivityPub::QuoteAuthorizationsController): only while the quote stays accepted, else not found.
 */
public final class QuoteAuthorizationService {
    private final Database db;
    private final QuoteRepository quotes;
    private final StatusRepository statuses;
    private final AccountRepository accounts;

    public QuoteAuthorizationService(Database db, QuoteRepository quotes, StatusRepository statuses,
                                     AccountRepository accounts) {
        this.db = db;
        this.quotes = quotes;
        this.statuses = statuses;
        this.accounts = accounts;
    }

    public QuoteLink require(String username, long quoteId) {
        return db.read(tx -> quotes.find(tx, quoteId)
                .filter(q -> q.state() == Quote.State.ACCEPTED && q.quotedAccountId() != null
                        && q.quotedStatusId() != null)
                .flatMap(q -> QuoteExchangeService.link(tx, q, statuses, accounts))
                .filter(l -> l.quotedAuthor().isLocal() && l.quotedAuthor().username().equals(username)
                        && !l.quotedAuthor().suspended())
                .orElseThrow(() -> new NotFoundException("Record not found")));
    }
}
