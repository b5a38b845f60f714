package social.starling.db;

import static social.starling.db.schema.Tables.QUOTES;
import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.USERS;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.impl.DSL;
import social.starling.model.Page;
import social.starling.model.Quote;

/**
 * Quote posts (table {@code quotes}) and the quote policy of each status ({@code statuses.quote_approval_policy}).
 */
public final class QuoteRepository {

    public void insert(Tx tx, Quote q, Instant now) {
        tx.dsl().insertInto(QUOTES)
                .set(QUOTES.ID, q.id())
                .set(QUOTES.STATUS_ID, q.statusId())
                .set(QUOTES.ACCOUNT_ID, q.accountId())
                .set(QUOTES.QUOTED_STATUS_ID, q.quotedStatusId())
                .set(QUOTES.QUOTED_ACCOUNT_ID, q.quotedAccountId())
                .set(QUOTES.STATE, q.state().wireName())
                .set(QUOTES.ACTIVITY_URI, q.activityUri())
                .set(QUOTES.APPROVAL_URI, q.approvalUri())
                .set(QUOTES.CREATED_AT, now)
                .set(QUOTES.UPDATED_AT, now)
                .execute();
    }

    /** The quote a status makes, if it quotes something. */
    public Optional<Quote> ofStatus(Tx tx, long statusId) {
        return tx.dsl().selectFrom(QUOTES).where(QUOTES.STATUS_ID.eq(statusId))
                .fetchOptional(QuoteRepository::toQuote);
    }

    /** The quotes these statuses make, by quoting status id. */
    public Map<Long, Quote> ofStatuses(Tx tx, Collection<Long> statusIds) {
        Map<Long, Quote> out = new HashMap<>();
        if (statusIds.isEmpty()) {
            return out;
        }
        tx.dsl().selectFrom(QUOTES).where(QUOTES.STATUS_ID.in(statusIds))
                .forEach(r -> out.put(r.getStatusId(), toQuote(r)));
        return out;
    }

    public Optional<Quote> findByActivityUri(Tx tx, String activityUri) {
        return tx.dsl().selectFrom(QUOTES).where(QUOTES.ACTIVITY_URI.eq(activityUri))
                .fetchOptional(QuoteRepository::toQuote);
    }

    /** The quote a QuoteAuthorization (ours or a remote one) approved, by the authorization's id. */
    public Optional<Quote> findByApprovalUri(Tx tx, String approvalUri) {
        return tx.dsl().selectFrom(QUOTES).where(QUOTES.APPROVAL_URI.eq(approvalUri))
                .fetchOptional(QuoteRepository::toQuote);
    }

    public Optional<Quote> find(Tx tx, long quoteId) {
        return tx.dsl().selectFrom(QUOTES).where(QUOTES.ID.eq(quoteId)).fetchOptional(QuoteRepository::toQuote);
    }

    /** Keeps the id of the QuoteRequest that asked for a quote (a remote server's, answered here). */
    public void setActivityUri(Tx tx, long quoteId, String activityUri) {
        tx.dsl().update(QUOTES).set(QUOTES.ACTIVITY_URI, activityUri).where(QUOTES.ID.eq(quoteId)).execute();
    }

    public void setState(Tx tx, long quoteId, Quote.State state, String approvalUri, Instant now) {
        tx.dsl().update(QUOTES).set(QUOTES.STATE, state.wireName()).set(QUOTES.APPROVAL_URI, approvalUri)
                .set(QUOTES.UPDATED_AT, now).where(QUOTES.ID.eq(quoteId)).execute();
    }

    /** A page of a status's accepted quotes, newest first, paged by quote id. */
    public List<Quote> accepted(Tx tx, long quotedStatusId, Page page) {
        return Paging.fetch(tx.dsl().selectFrom(QUOTES).where(QUOTES.QUOTED_STATUS_ID.eq(quotedStatusId))
                        .and(QUOTES.STATE.eq(Quote.State.ACCEPTED.wireName())), QUOTES.ID, page)
                .stream().map(QuoteRepository::toQuote).toList();
    }

    /** Accepted quotes of a status made by local people (told when the quoted status is edited). */
    public List<Quote> acceptedByLocal(Tx tx, long quotedStatusId) {
        return tx.dsl().select(QUOTES.fields()).from(QUOTES).join(USERS).on(USERS.ACCOUNT_ID.eq(QUOTES.ACCOUNT_ID))
                .where(QUOTES.QUOTED_STATUS_ID.eq(quotedStatusId))
                .and(QUOTES.STATE.eq(Quote.State.ACCEPTED.wireName()))
                .fetch(r -> toQuote(r.into(QUOTES)));
    }

    /** The stored quote policy of each of these statuses (0, nobody, for a status without one). */
    public Map<Long, Integer> policies(Tx tx, Collection<Long> statusIds) {
        Map<Long, Integer> out = new HashMap<>();
        if (statusIds.isEmpty()) {
            return out;
        }
        tx.dsl().select(STATUSES.ID, STATUSES.QUOTE_APPROVAL_POLICY).from(STATUSES).where(STATUSES.ID.in(statusIds))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    public int policy(Tx tx, long statusId) {
        return policies(tx, List.of(statusId)).getOrDefault(statusId, 0);
    }

    /** Sets a status's quote policy; bumps its version so cached copies are refreshed. */
    public void setPolicy(Tx tx, long statusId, int policy) {
        tx.dsl().update(STATUSES).set(STATUSES.QUOTE_APPROVAL_POLICY, policy)
                .set(STATUSES.VERSION, STATUSES.VERSION.plus(1)).where(STATUSES.ID.eq(statusId)).execute();
    }

    static Quote toQuote(Record r) {
        return new Quote(r.get(QUOTES.ID), r.get(QUOTES.STATUS_ID), r.get(QUOTES.ACCOUNT_ID),
                r.get(QUOTES.QUOTED_STATUS_ID), r.get(QUOTES.QUOTED_ACCOUNT_ID), Quote.State.parse(r.get(QUOTES.STATE)),
                r.get(QUOTES.ACTIVITY_URI), r.get(QUOTES.APPROVAL_URI), r.get(QUOTES.CREATED_AT));
    }
}
