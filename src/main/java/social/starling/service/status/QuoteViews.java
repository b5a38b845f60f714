package social.starling.service.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import social.starling.db.QuoteRepository;
import social.starling.db.StatusRepository.QuoteFacts;
import social.starling.db.RelationshipRepository;
import social.starling.db.Tx;
import social.starling.model.Quote;
import social.starling.model.QuotePolicy;
import social.starling.model.Status;
import social.starling.model.view.StatusView;

/**
 * The quote part of a page of status views, in a fixed number of queries: what each status quotes, its count of
 * accepted quotes, its quote policy and what that means for the viewer. Quoted statuses are loaded as views for the
 * same viewer one level deep (Mastodon shows a Quote with the full quoted status at the top level and a
 * ShallowQuote, state and id only, inside it), so a quoted status the viewer may not see shows as
 * {@code unauthorized} (Mastodon's BaseQuoteSerializer).
 */
final class QuoteViews {
    /** Deepest level whose quotes are loaded: 0 the page, 1 the quoted statuses, 2 only to know they are visible. */
    static final int MAX_DEPTH = 2;
    private static final QuoteFacts NO_FACTS = new QuoteFacts(0, 0, false);

    /** Loads views of these ids for the same viewer at the given depth, keyed by id (only those visible). */
    interface Loader {
        Map<Long, StatusView> load(Tx tx, List<Long> ids, int depth);
    }

    private final QuoteRepository quotes;
    private final RelationshipRepository relationships;

    QuoteViews(QuoteRepository quotes, RelationshipRepository relationships) {
        this.quotes = quotes;
        this.relationships = relationships;
    }

    /**
     * @param facts the shown statuses' quote facts, read with their versions ({@link StatusLoader.Loaded#quotes});
     *              the {@code quotes} rows are read only for the statuses that quote something
     */
    Map<Long, StatusView.Quoting> quoting(Tx tx, Collection<Status> shown, Map<Long, QuoteFacts> facts,
                                          Long viewerId, int depth, Loader loader) {
        Map<Long, StatusView.Quoting> out = new HashMap<>();
        if (shown.isEmpty()) {
            return out;
        }
        Set<Long> quoting = new HashSet<>();
        Set<Long> authors = new HashSet<>();
        Map<Long, Integer> policies = new HashMap<>();
        shown.forEach(s -> {
            authors.add(s.accountId());
            QuoteFacts f = facts.getOrDefault(s.id(), NO_FACTS);
            policies.put(s.id(), f.policy());
            if (f.quotes()) {
                quoting.add(s.id());
            }
        });
        Map<Long, Quote> made = quotes.ofStatuses(tx, quoting);
        // The follow graph matters only for followers/following policies (most posts are public or nobody).
        int relational = (QuotePolicy.FOLLOWERS | QuotePolicy.FOLLOWING) * 0x10001;
        boolean needsFollows = viewerId != null
                && policies.values().stream().anyMatch(p -> (p & relational) != 0);
        Set<Long> followed = needsFollows ? relationships.followedAmong(tx, viewerId, authors) : Set.of();
        Set<Long> followers = needsFollows ? relationships.followersAmong(tx, viewerId, authors) : Set.of();
        List<Long> quotedIds = new ArrayList<>();
        made.values().stream().filter(q -> q.state() == Quote.State.ACCEPTED && q.quotedStatusId() != null)
                .forEach(q -> quotedIds.add(q.quotedStatusId()));
        Map<Long, StatusView> quoted = depth < MAX_DEPTH && !quotedIds.isEmpty()
                ? loader.load(tx, quotedIds, depth + 1) : Map.of();
        for (Status s : shown) {
            int policy = policies.getOrDefault(s.id(), 0);
            String current = QuotePolicy.forAccount(s, policy, viewerId, followed.contains(s.accountId()),
                    followers.contains(s.accountId())).wireName();
            Quote q = made.get(s.id());
            out.put(s.id(), new StatusView.Quoting(q == null ? null : view(q, quoted),
                    facts.getOrDefault(s.id(), NO_FACTS).acceptedQuotes(), policy, current));
        }
        return out;
    }

    private static StatusView.QuoteView view(Quote q, Map<Long, StatusView> quoted) {
        if (q.state() != Quote.State.ACCEPTED) {
            return new StatusView.QuoteView(q.state().wireName(), null, null);
        }
        if (q.quotedStatusId() == null) {
            return new StatusView.QuoteView(Quote.State.DELETED.wireName(), null, null);
        }
        StatusView v = quoted.get(q.quotedStatusId());
        if (v == null) {
            return new StatusView.QuoteView("unauthorized", null, null);
        }
        return new StatusView.QuoteView(q.state().wireName(), q.quotedStatusId(), v);
    }
}
