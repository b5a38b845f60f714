package social.starling.service.status;

import java.time.Clock;
import java.util.List;
import social.starling.db.Database;
import social.starling.db.QuoteRepository;
import social.starling.errors.ForbiddenException;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Page;
import social.starling.model.Quote;
import social.starling.model.QuotePolicy;
import social.starling.model.Status;
import social.starling.model.view.StatusView;
import social.starling.service.outbox.Outbox;

/**
 * What the author of a status may do about its quotes (Mastodon 4.5): list the accepted quotes
 * ({@code GET /api/v1/statuses/:id/quotes}), revoke one ({@code POST .../quotes/:quoting_status_id/revoke}) and
 * change who may quote it ({@code PUT /api/v1/statuses/:id/interaction_policy}). A status the caller may not see is
 * a 404; listing or revoking quotes of someone else's status is a 403 (StatusPolicy#list_quotes?); changing the
 * policy of someone else's status is a 404 ({@code Status.where(account: current_account).find}).
 */
public final class QuoteService {
    /** A page of quoting statuses, and the quote ids it was paged by (for the Link header). */
    public record QuotesPage(List<StatusView> statuses, List<Long> pagingIds) {
    }

    private final Database db;
    private final QuoteRepository quotes;
    private final StatusViews views;
    private final Outbox outbox;
    private final Clock clock;

    public QuoteService(Database db, QuoteRepository quotes, StatusViews views, Outbox outbox, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.quotes = quotes;
        this.views = views;
        this.clock = clock;
    }

    public QuotesPage quotes(long callerId, long statusId, Page page) {
        ownStatus(callerId, statusId);
        List<Quote> found = db.read(tx -> quotes.accepted(tx, statusId, page));
        List<StatusView> shown = views.load(found.stream().map(Quote::statusId).toList(), callerId,
                StatusViews.Mode.SHOW, null);
        return new QuotesPage(shown, found.stream().map(Quote::id).toList());
    }

    /**
     * Mastodon's RevokeQuoteService: an accepted quote becomes revoked (a remote quoting author is sent the Delete
     * of our QuoteAuthorization), a pending one rejected.
     */
    public StatusView revoke(long callerId, long statusId, long quotingStatusId) {
        ownStatus(callerId, statusId);
        db.inTransaction(tx -> {
            Quote q = quotes.ofStatus(tx, quotingStatusId)
                    .filter(found -> found.quotedStatusId() != null && found.quotedStatusId() == statusId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            if (q.state() == Quote.State.ACCEPTED) {
                quotes.setState(tx, q.id(), Quote.State.REVOKED, q.approvalUri(), clock.instant());
                outbox.quoteRevoked(tx, q);
            } else if (q.state() != Quote.State.REVOKED) {
                quotes.setState(tx, q.id(), Quote.State.REJECTED, q.approvalUri(), clock.instant());
            }
            return null;
        });
        return views.one(quotingStatusId, callerId).orElseThrow(() -> new NotFoundException("Record not found"));
    }

    /** Sets a status's quote policy (public, followers, nobody); private and direct statuses stay nobody. */
    public StatusView setPolicy(long callerId, long statusId, String policyName) {
        Status s = views.one(statusId, callerId).map(StatusView::status)
                .filter(found -> found.accountId() == callerId && !found.isReblog())
                .orElseThrow(() -> new NotFoundException("Record not found"));
        int policy = QuotePolicy.fromApi(policyName == null ? "" : policyName)
                .orElseThrow(() -> new UnprocessableException("Record invalid"));
        db.inTransaction(tx -> {
            quotes.setPolicy(tx, statusId, QuotePolicy.forVisibility(policy, s.visibility()));
            return null;
        });
        return views.one(statusId, callerId).orElseThrow(() -> new NotFoundException("Record not found"));
    }

    private void ownStatus(long callerId, long statusId) {
        Status s = views.one(statusId, callerId).map(StatusView::status)
                .orElseThrow(() -> new NotFoundException("Record not found"));
        if (s.accountId() != callerId) {
            throw new ForbiddenException("This action is not allowed");
        }
    }
}
