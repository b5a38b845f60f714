package social.starling.db;

import static social.starling.db.schema.Tables.FILTERS;
import static social.starling.db.schema.Tables.FILTER_KEYWORDS;
import static social.starling.db.schema.Tables.FILTER_STATUSES;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Record;
import social.starling.model.Filter;

/**
 * Keyword filters with their keywords and filtered statuses. Contexts are stored comma-separated. Every lookup by
 * id is scoped to the owner, so another person's filter reads as missing.
 */
public final class FilterRepository {

    public void insert(Tx tx, long id, long accountId, String title, List<String> contexts, String action,
                       Instant expiresAt, Instant now) {
        tx.dsl().insertInto(FILTERS)
                .set(FILTERS.ID, id).set(FILTERS.ACCOUNT_ID, accountId).set(FILTERS.TITLE, title)
                .set(FILTERS.CONTEXTS, String.join(",", contexts)).set(FILTERS.ACTION, action)
                .set(FILTERS.EXPIRES_AT, expiresAt).set(FILTERS.CREATED_AT, now).set(FILTERS.UPDATED_AT, now)
                .execute();
    }

    public void update(Tx tx, long id, String title, List<String> contexts, String action, Instant expiresAt,
                       Instant now) {
        tx.dsl().update(FILTERS).set(FILTERS.TITLE, title).set(FILTERS.CONTEXTS, String.join(",", contexts))
                .set(FILTERS.ACTION, action).set(FILTERS.EXPIRES_AT, expiresAt).set(FILTERS.UPDATED_AT, now)
                .where(FILTERS.ID.eq(id)).execute();
    }

    public void delete(Tx tx, long id) {
        tx.dsl().deleteFrom(FILTERS).where(FILTERS.ID.eq(id)).execute();
    }

    /** The owner's filter, with its keywords and statuses. */
    public Optional<Filter> find(Tx tx, long accountId, long id) {
        return tx.dsl().selectFrom(FILTERS).where(FILTERS.ID.eq(id)).and(FILTERS.ACCOUNT_ID.eq(accountId))
                .fetchOptional(FilterRepository::toFilter).map(f -> withRules(tx, List.of(f)).getFirst());
    }

    /** All of an account's filters, oldest first, with their keywords and statuses. */
    public List<Filter> all(Tx tx, long accountId) {
        return withRules(tx, tx.dsl().selectFrom(FILTERS).where(FILTERS.ACCOUNT_ID.eq(accountId))
                .orderBy(FILTERS.ID).fetch(FilterRepository::toFilter));
    }

    private List<Filter> withRules(Tx tx, List<Filter> filters) {
        if (filters.isEmpty()) {
            return filters;
        }
        Collection<Long> ids = filters.stream().map(Filter::id).toList();
        Map<Long, List<Filter.Keyword>> keywords = new HashMap<>();
        tx.dsl().selectFrom(FILTER_KEYWORDS).where(FILTER_KEYWORDS.FILTER_ID.in(ids)).orderBy(FILTER_KEYWORDS.ID)
                .forEach(r -> keywords.computeIfAbsent(r.getFilterId(), k -> new ArrayList<>()).add(toKeyword(r)));
        Map<Long, List<Filter.FilteredStatus>> statuses = new HashMap<>();
        tx.dsl().selectFrom(FILTER_STATUSES).where(FILTER_STATUSES.FILTER_ID.in(ids)).orderBy(FILTER_STATUSES.ID)
                .forEach(r -> statuses.computeIfAbsent(r.getFilterId(), k -> new ArrayList<>()).add(toStatus(r)));
        return filters.stream().map(f -> f.withRules(keywords.getOrDefault(f.id(), List.of()),
                statuses.getOrDefault(f.id(), List.of()))).toList();
    }

    // Keywords --------------------------------------------------------------------------------------------------

    public void insertKeyword(Tx tx, long id, long filterId, String keyword, boolean wholeWord, Instant now) {
        tx.dsl().insertInto(FILTER_KEYWORDS).set(FILTER_KEYWORDS.ID, id).set(FILTER_KEYWORDS.FILTER_ID, filterId)
                .set(FILTER_KEYWORDS.KEYWORD, keyword).set(FILTER_KEYWORDS.WHOLE_WORD, wholeWord)
                .set(FILTER_KEYWORDS.CREATED_AT, now).execute();
    }

    public void updateKeyword(Tx tx, long id, String keyword, boolean wholeWord) {
        tx.dsl().update(FILTER_KEYWORDS).set(FILTER_KEYWORDS.KEYWORD, keyword)
                .set(FILTER_KEYWORDS.WHOLE_WORD, wholeWord).where(FILTER_KEYWORDS.ID.eq(id)).execute();
    }

    public void deleteKeyword(Tx tx, long id) {
        tx.dsl().deleteFrom(FILTER_KEYWORDS).where(FILTER_KEYWORDS.ID.eq(id)).execute();
    }

    /** A keyword of one of the owner's filters. */
    public Optional<Filter.Keyword> findKeyword(Tx tx, long accountId, long id) {
        return tx.dsl().select(FILTER_KEYWORDS.fields()).from(FILTER_KEYWORDS)
                .join(FILTERS).on(FILTERS.ID.eq(FILTER_KEYWORDS.FILTER_ID))
                .where(FILTER_KEYWORDS.ID.eq(id)).and(FILTERS.ACCOUNT_ID.eq(accountId))
                .fetchOptional(FilterRepository::toKeyword);
    }

    public Optional<Filter.Keyword> findKeywordOfFilter(Tx tx, long filterId, long id) {
        return tx.dsl().selectFrom(FILTER_KEYWORDS).where(FILTER_KEYWORDS.ID.eq(id))
                .and(FILTER_KEYWORDS.FILTER_ID.eq(filterId)).fetchOptional(FilterRepository::toKeyword);
    }

    // Statuses --------------------------------------------------------------------------------------------------

    public void insertStatus(Tx tx, long id, long filterId, long statusId, Instant now) {
        tx.dsl().insertInto(FILTER_STATUSES).set(FILTER_STATUSES.ID, id).set(FILTER_STATUSES.FILTER_ID, filterId)
                .set(FILTER_STATUSES.STATUS_ID, statusId).set(FILTER_STATUSES.CREATED_AT, now).execute();
    }

    public void deleteStatus(Tx tx, long id) {
        tx.dsl().deleteFrom(FILTER_STATUSES).where(FILTER_STATUSES.ID.eq(id)).execute();
    }

    /** A filtered status of one of the owner's filters. */
    public Optional<Filter.FilteredStatus> findStatus(Tx tx, long accountId, long id) {
        return tx.dsl().select(FILTER_STATUSES.fields()).from(FILTER_STATUSES)
                .join(FILTERS).on(FILTERS.ID.eq(FILTER_STATUSES.FILTER_ID))
                .where(FILTER_STATUSES.ID.eq(id)).and(FILTERS.ACCOUNT_ID.eq(accountId))
                .fetchOptional(FilterRepository::toStatus);
    }

    private static Filter toFilter(Record r) {
        List<String> contexts = Arrays.stream(r.get(FILTERS.CONTEXTS).split(",")).filter(c -> !c.isBlank()).toList();
        return new Filter(r.get(FILTERS.ID), r.get(FILTERS.ACCOUNT_ID), r.get(FILTERS.TITLE), contexts,
                r.get(FILTERS.ACTION), r.get(FILTERS.EXPIRES_AT), List.of(), List.of());
    }

    private static Filter.Keyword toKeyword(Record r) {
        return new Filter.Keyword(r.get(FILTER_KEYWORDS.ID), r.get(FILTER_KEYWORDS.FILTER_ID),
                r.get(FILTER_KEYWORDS.KEYWORD), r.get(FILTER_KEYWORDS.WHOLE_WORD));
    }

    private static Filter.FilteredStatus toStatus(Record r) {
        return new Filter.FilteredStatus(r.get(FILTER_STATUSES.ID), r.get(FILTER_STATUSES.FILTER_ID),
                r.get(FILTER_STATUSES.STATUS_ID));
    }
}
