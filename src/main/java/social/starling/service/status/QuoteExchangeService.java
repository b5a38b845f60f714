package social.starling.service.status;

import java.time.Clock;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.QuoteRepository;
import social.starling.db.RelationshipRepository;
import social.starling.db.StatusRepository;
import social.starling.db.Tx;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.LocalUris;
import social.starling.model.Quote;
import social.starling.model.QuotePolicy;
import social.starling.model.Status;
import social.starling.service.outbox.Outbox;

/**
 * Quote approval between servers (FEP-044f as Mastodon 4.5 does it), the use cases behind the inbox: answering a
 * remote person's QuoteRequest for a local status, learning the answer to ours, and a remote author revoking their
 * authorization.
 */
public final class QuoteExchangeService {
    /** A quote with the URIs of the quoting and the quoted status. */
    public record QuoteLink(Quote quote, Account quotedAuthor, String quotingUri, String quotedUri) {
    }

    private final Database db;
    private final QuoteRepository quotes;
    private final StatusRepository statuses;
    private final AccountRepository accounts;
    private final RelationshipRepository relationships;
    private final Outbox outbox;
    private final LocalUris uris;
    private final Clock clock;

    public QuoteExchangeService(Database db, QuoteRepository quotes, StatusRepository statuses,
                                AccountRepository accounts, RelationshipRepository relationships, Outbox outbox,
                                LocalUris uris, Clock clock) {
        this.db = db;
        this.quotes = quotes;
        this.statuses = statuses;
        this.accounts = accounts;
        this.relationships = relationships;
        this.outbox = outbox;
        this.uris = uris;
        this.clock = clock;
    }

    /**
     * Mastodon's ActivityPub::Activity::QuoteRequest: {@code requesterId} asks (activity {@code requestUri}) that
     * their status {@code quotingStatusId} may quote the local status {@code quotedStatusId}. Accepted when the
     * quoted status's policy approves the requester automatically (StatusPolicy#quote?; local policies have no
     * manual half), with our QuoteAuthorization as approval; else rejected. The outbox answers Accept or Reject.
     *
     * @return the quote's new state
     */
    public Quote.State answerRequest(long requesterId, String requestUri, long quotingStatusId, long quotedStatusId) {
        return db.inTransaction(tx -> {
            Status quoted = statuses.find(tx, quotedStatusId).filter(Status::local)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            Account author = accounts.require(tx, quoted.accountId());
            Quote q = quotes.ofStatus(tx, quotingStatusId)
                    .filter(found -> found.accountId() == requesterId && found.quotedStatusId() != null
                            && found.quotedStatusId() == quotedStatusId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            boolean allowed = !relationships.blocks(tx, author.id(), requesterId)
                    && QuotePolicy.forAccount(quoted, quotes.policy(tx, quotedStatusId), requesterId,
                    relationships.follows(tx, requesterId, author.id()),
                    relationships.follows(tx, author.id(), requesterId)) == QuotePolicy.ForAccount.AUTOMATIC;
            Quote.State state = allowed ? Quote.State.ACCEPTED : Quote.State.REJECTED;
            String approval = allowed ? uris.quoteAuthorization(author.username(), q.id()) : null;
            quotes.setActivityUri(tx, q.id(), requestUri);
            quotes.setState(tx, q.id(), state, approval, clock.instant());
            outbox.quoteAnswered(tx, quotes.find(tx, q.id()).orElseThrow());
            return state;
        });
    }

    /** Our QuoteRequest {@code requestUri} to {@code quotedAuthorId}, while its quote waits for an answer. */
    public Optional<QuoteLink> ourRequest(long quotedAuthorId, String requestUri) {
        return db.read(tx -> quotes.findByActivityUri(tx, requestUri)
                .filter(q -> q.quotedAccountId() != null && q.quotedAccountId() == quotedAuthorId
                        && q.quotedStatusId() != null && isLocal(tx, q.accountId()))
                .flatMap(q -> link(tx, q, statuses, accounts)));
    }

    /**
     * Mastodon's Accept#accept_quote! and Reject#reject_quote!: the quoted author's server answered our request. An
     * accepted quote keeps {@code approvalUri} and the note is sent again (Update); a rejection rejects a pending
     * quote and revokes an accepted one.
     */
    public void answeredByRemote(QuoteLink request, boolean accepted, String approvalUri) {
        db.inTransaction(tx -> {
            Quote q = quotes.find(tx, request.quote().id()).orElseThrow(() -> new NotFoundException("Record not found"));
            if (accepted) {
                if (q.state() == Quote.State.PENDING) {
                    quotes.setState(tx, q.id(), Quote.State.ACCEPTED, approvalUri, clock.instant());
                    outbox.quoteApproved(tx, quotes.find(tx, q.id()).orElseThrow());
                }
            } else {
                refuse(tx, q);
            }
            return null;
        });
    }

    /**
     * Mastodon's Delete#revoke_quote: {@code quotedAuthorId} deleted the QuoteAuthorization {@code approvalUri}; the
     * quote it approved is revoked (rejected while still pending).
     *
     * @return whether a quote had that authorization
     */
    public boolean authorizationDeleted(long quotedAuthorId, String approvalUri) {
        // Read first: most Deletes of a bare id are of notes, and need no write here.
        Optional<Quote> q = db.read(tx -> quotes.findByApprovalUri(tx, approvalUri))
                .filter(found -> found.quotedAccountId() != null && found.quotedAccountId() == quotedAuthorId);
        q.ifPresent(found -> db.inTransaction(tx -> {
            quotes.find(tx, found.id()).ifPresent(current -> refuse(tx, current));
            return null;
        }));
        return q.isPresent();
    }

    /** Mastodon's Quote#reject!: accepted becomes revoked, pending rejected. */
    private void refuse(Tx tx, Quote q) {
        if (q.state() == Quote.State.ACCEPTED) {
            quotes.setState(tx, q.id(), Quote.State.REVOKED, q.approvalUri(), clock.instant());
        } else if (q.state() == Quote.State.PENDING) {
            quotes.setState(tx, q.id(), Quote.State.REJECTED, q.approvalUri(), clock.instant());
        }
    }

    static Optional<QuoteLink> link(Tx tx, Quote q, StatusRepository statuses, AccountRepository accounts) {
        Optional<Status> quoting = statuses.find(tx, q.statusId());
        Optional<Status> quoted = statuses.find(tx, q.quotedStatusId());
        Optional<Account> author = accounts.find(tx, q.quotedAccountId());
        if (quoting.isEmpty() || quoted.isEmpty() || author.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QuoteLink(q, author.get(), quoting.get().uri(), quoted.get().uri()));
    }

    private boolean isLocal(Tx tx, long accountId) {
        return accounts.find(tx, accountId).map(Account::isLocal).orElse(false);
    }
}
