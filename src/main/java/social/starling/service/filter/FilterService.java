package social.starling.service.filter;

import social.starling.service.event.Events;
import social.starling.service.event.FiltersChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import social.starling.db.Database;
import social.starling.db.FilterRepository;
import social.starling.db.Tx;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Filter;
import social.starling.model.IdGenerator;
import social.starling.service.status.StatusFilterer;
import social.starling.service.status.StatusViews;

/**
 * Keyword filters (Filters v2, {@code /api/v2/filters...}) as Mastodon's CustomFilter, CustomFilterKeyword and
 * CustomFilterStatus: a title and at least one context of home, notifications, public, thread, account are
 * required; the action is warn (default), hide or blur; {@code expires_in} seconds from now, blank for never.
 * Keywords are added, changed and removed with the filter ({@code keywords_attributes}) or one by one; statuses
 * must exist, be visible to the owner, and be added once. Another person's filter, keyword or status reads as
 * missing. Every change evicts the owner's cached filters.
 */
public final class FilterService {
    /** A {@code keywords_attributes[]} entry: a new keyword (no id), a change, or a removal. */
    public record KeywordChange(Long id, String keyword, Boolean wholeWord, boolean destroy) {
    }

    /**
     * What to create or change; null fields are left as they are (or take defaults when creating).
     * {@code expiresInGiven} with a null {@code expiresIn} means "never".
     */
    public record FilterRequest(String title, List<String> contexts, String action, boolean expiresInGiven,
                                Long expiresIn, List<KeywordChange> keywords) {
    }

    private final Database db;
    private final FilterRepository filters;
    private final StatusViews views;
    private final StatusFilterer filterer;
    private final IdGenerator ids;
    private final Clock clock;
    private final Events events;

    public FilterService(Database db, FilterRepository filters, StatusViews views, StatusFilterer filterer,
                         IdGenerator ids, Clock clock, Events events) {
        this.events = events;
        this.db = db;
        this.filters = filters;
        this.views = views;
        this.filterer = filterer;
        this.ids = ids;
        this.clock = clock;
    }

    public List<Filter> list(long accountId) {
        return db.read(tx -> filters.all(tx, accountId));
    }

    public Filter find(long accountId, long id) {
        return db.read(tx -> own(tx, accountId, id));
    }

    public Filter create(long accountId, FilterRequest r) {
        Instant now = clock.instant();
        String title = r.title() == null ? "" : r.title().strip();
        List<String> contexts = contexts(r.contexts());
        // Absent is the default; given, it must be one of the actions exactly (an empty one is refused, as Rails).
        String action = r.action() == null ? "warn" : r.action();
        Instant expiresAt = r.expiresIn() == null ? null : now.plusSeconds(r.expiresIn());
        validate(title, contexts, action, r.keywords());
        return changed(accountId, db.inTransaction(tx -> {
            events.publish(tx, new FiltersChanged(accountId));
            long id = ids.next();
            filters.insert(tx, id, accountId, title, contexts, action, expiresAt, now);
            applyKeywords(tx, id, r.keywords(), now);
            return own(tx, accountId, id);
        }));
    }

    public Filter update(long accountId, long id, FilterRequest r) {
        Instant now = clock.instant();
        return changed(accountId, db.inTransaction(tx -> {
            events.publish(tx, new FiltersChanged(accountId));
            Filter f = own(tx, accountId, id);
            String title = r.title() == null ? f.title() : r.title().strip();
            List<String> contexts = r.contexts() == null ? f.contexts() : contexts(r.contexts());
            String action = r.action() == null ? f.action() : r.action();
            Instant expiresAt = !r.expiresInGiven() ? f.expiresAt()
                    : r.expiresIn() == null ? null : now.plusSeconds(r.expiresIn());
            validate(title, contexts, action, r.keywords());
            filters.update(tx, id, title, contexts, action, expiresAt, now);
            applyKeywords(tx, id, r.keywords(), now);
            return own(tx, accountId, id);
        }));
    }

    public void delete(long accountId, long id) {
        db.inTransaction(tx -> {
            events.publish(tx, new FiltersChanged(accountId));
            filters.delete(tx, own(tx, accountId, id).id());
            return null;
        });
        filterer.evict(accountId);
    }

    // Keywords one by one ------------------------------------------------------------------------------------------

    public Filter.Keyword addKeyword(long accountId, long filterId, String keyword, Boolean wholeWord) {
        String k = keyword == null ? "" : keyword.strip();
        if (k.isEmpty()) {
            throw new UnprocessableException("Validation failed: Keyword can't be blank");
        }
        return changed(accountId, db.inTransaction(tx -> {
            events.publish(tx, new FiltersChanged(accountId));
            own(tx, accountId, filterId);
            long id = ids.next();
            filters.insertKeyword(tx, id, filterId, k, wholeWord == null || wholeWord, clock.instant());
            return filters.findKeyword(tx, accountId, id).orElseThrow();
        }));
    }

    public Filter.Keyword keyword(long accountId, long id) {
        return db.read(tx -> ownKeyword(tx, accountId, id));
    }

    public Filter.Keyword updateKeyword(long accountId, long id, String keyword, Boolean wholeWord) {
        if (keyword != null && keyword.isBlank()) {
            throw new UnprocessableException("Validation failed: Keyword can't be blank");
        }
        return changed(accountId, db.inTransaction(tx -> {
            events.publish(tx, new FiltersChanged(accountId));
            Filter.Keyword k = ownKeyword(tx, accountId, id);
            filters.updateKeyword(tx, id, keyword == null ? k.keyword() : keyword.strip(),
                    wholeWord == null ? k.wholeWord() : wholeWord);
            return ownKeyword(tx, accountId, id);
        }));
    }

    public void deleteKeyword(long accountId, long id) {
        db.inTransaction(tx -> {
            events.publish(tx, new FiltersChanged(accountId));
            filters.deleteKeyword(tx, ownKeyword(tx, accountId, id).id());
            return null;
        });
        filterer.evict(accountId);
    }

    // Statuses ------------------------------------------------------------------------------------------------------

    public Filter.FilteredStatus addStatus(long accountId, long filterId, Long statusId) {
        if (statusId == null || !views.visible(statusId, accountId)) {
            throw new UnprocessableException("Validation failed: Status must exist");
        }
        return changed(accountId, db.inTransaction(tx -> {
            events.publish(tx, new FiltersChanged(accountId));
            Filter f = own(tx, accountId, filterId);
            if (f.statuses().stream().anyMatch(s -> s.statusId() == statusId)) {
                throw new UnprocessableException("Validation failed: Status has already been taken");
            }
            long id = ids.next();
            filters.insertStatus(tx, id, filterId, statusId, clock.instant());
            return filters.findStatus(tx, accountId, id).orElseThrow();
        }));
    }

    public Filter.FilteredStatus status(long accountId, long id) {
        return db.read(tx -> filters.findStatus(tx, accountId, id))
                .orElseThrow(() -> new NotFoundException("Record not found"));
    }

    public void deleteStatus(long accountId, long id) {
        db.inTransaction(tx -> {
            events.publish(tx, new FiltersChanged(accountId));
            filters.deleteStatus(tx, filters.findStatus(tx, accountId, id)
                    .orElseThrow(() -> new NotFoundException("Record not found")).id());
            return null;
        });
        filterer.evict(accountId);
    }

    // --------------------------------------------------------------------------------------------------------------

    private void applyKeywords(Tx tx, long filterId, List<KeywordChange> changes, Instant now) {
        if (changes == null) {
            return;
        }
        for (KeywordChange c : changes) {
            if (c.id() != null) {
                Filter.Keyword existing = keywordOf(tx, filterId, c.id());
                if (c.destroy()) {
                    filters.deleteKeyword(tx, existing.id());
                } else {
                    filters.updateKeyword(tx, existing.id(),
                            c.keyword() == null ? existing.keyword() : c.keyword().strip(),
                            c.wholeWord() == null ? existing.wholeWord() : c.wholeWord());
                }
            } else if (!c.destroy()) {
                filters.insertKeyword(tx, ids.next(), filterId, c.keyword().strip(),
                        c.wholeWord() == null || c.wholeWord(), now);
            }
        }
    }

    /** A keyword of this filter (Rails' nested attributes: another filter's keyword id is "not found"). */
    private Filter.Keyword keywordOf(Tx tx, long filterId, long keywordId) {
        return filters.findKeywordOfFilter(tx, filterId, keywordId)
                .orElseThrow(() -> new NotFoundException("Record not found"));
    }

    private static void validate(String title, List<String> contexts, String action, List<KeywordChange> keywords) {
        List<String> errors = new ArrayList<>();
        if (title.isEmpty()) {
            errors.add("Title can't be blank");
        }
        if (contexts.isEmpty()) {
            errors.add("Context can't be blank");
        }
        if (contexts.isEmpty() || !Filter.CONTEXTS.containsAll(contexts)) {
            errors.add("Context None or invalid context supplied");
        }
        if (!Filter.ACTIONS.contains(action)) {
            errors.add("Filter action is not included in the list");
        }
        if (keywords != null && keywords.stream().anyMatch(k -> !k.destroy()
                && (k.id() == null || k.keyword() != null) && (k.keyword() == null || k.keyword().isBlank()))) {
            errors.add("Keywords keyword can't be blank");
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException("Validation failed: " + String.join(", ", errors));
        }
    }

    /** Mastodon's normalisation: stripped, blanks dropped (duplicates kept out too). */
    private static List<String> contexts(List<String> given) {
        return given == null ? List.of() : given.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct()
                .toList();
    }

    private Filter own(Tx tx, long accountId, long id) {
        return filters.find(tx, accountId, id).orElseThrow(() -> new NotFoundException("Record not found"));
    }

    private Filter.Keyword ownKeyword(Tx tx, long accountId, long id) {
        return filters.findKeyword(tx, accountId, id).orElseThrow(() -> new NotFoundException("Record not found"));
    }

    private <T> T changed(long accountId, T result) {
        filterer.evict(accountId);
        return result;
    }
}
