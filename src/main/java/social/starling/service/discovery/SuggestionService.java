package social.starling.service.discovery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.RelationshipRepository;
import social.starling.db.SuggestionRepository;
import social.starling.model.Account;
import social.starling.model.view.SuggestionView;

/**
 * Follow suggestions (GET /api/v1/suggestions, /api/v2/suggestions), from two of Mastodon's sources
 * (AccountSuggestions): "featured", the staff picks, first; then "friends_of_friends", accounts followed by the
 * accounts the viewer follows, the most shared first. Starling has no admin setting for staff picks
 * (Mastodon's bootstrap_timeline_accounts): the accounts endorsed by the server's owners and admins are the picks.
 * Never suggested: the viewer, accounts they follow or asked to follow, accounts blocked either way or muted,
 * accounts on a domain they block, suspended, silenced or memorial accounts (and moved ones among friends of
 * friends), and dismissed suggestions
 * (DELETE /api/v1/suggestions/:id, kept for good). Friends of friends must be discoverable, as in Mastodon.
 */
public final class SuggestionService {
    public static final String FEATURED = "featured";
    public static final String FRIENDS_OF_FRIENDS = "friends_of_friends";

    private final Database db;
    private final SuggestionRepository suggestions;
    private final RelationshipRepository relationships;
    private final AccountRepository accounts;
    private final Clock clock;

    public SuggestionService(Database db, SuggestionRepository suggestions, RelationshipRepository relationships,
                             AccountRepository accounts, Clock clock) {
        this.db = db;
        this.suggestions = suggestions;
        this.relationships = relationships;
        this.accounts = accounts;
        this.clock = clock;
    }

    public List<SuggestionView> suggest(long viewerId, int limit) {
        return db.read(tx -> {
            Map<Long, List<String>> sources = new LinkedHashMap<>();
            // Fetch more than asked: some candidates are left out below.
            int fetch = limit * 2 + 20;
            for (long id : relationships.endorsedBy(tx, suggestions.adminIds(tx), fetch)) {
                sources.computeIfAbsent(id, k -> new ArrayList<>()).add(FEATURED);
            }
            for (long id : suggestions.friendsOfFriends(tx, viewerId, fetch)) {
                sources.computeIfAbsent(id, k -> new ArrayList<>()).add(FRIENDS_OF_FRIENDS);
            }
            List<Long> candidates = new ArrayList<>(sources.keySet());
            Set<Long> excluded = new HashSet<>(suggestions.dismissedBy(tx, viewerId));
            excluded.add(viewerId);
            excluded.addAll(relationships.followedAmong(tx, viewerId, candidates));
            excluded.addAll(relationships.requestedAmong(tx, viewerId, candidates));
            excluded.addAll(relationships.blockedBy(tx, viewerId));
            excluded.addAll(relationships.blockersOf(tx, viewerId));
            excluded.addAll(relationships.mutedBy(tx, viewerId, clock.instant()).keySet());
            Set<String> blockedDomains = relationships.blockedDomains(tx, viewerId);
            Map<Long, Account> byId = new LinkedHashMap<>();
            accounts.findAll(tx, candidates).forEach(a -> byId.put(a.id(), a));
            List<SuggestionView> out = new ArrayList<>();
            for (long id : candidates) {
                Account a = byId.get(id);
                if (a == null || excluded.contains(id) || a.suspended() || a.silencedAt() != null || a.memorial()
                        || a.domain() != null && blockedDomains.contains(a.domain())) {
                    continue;
                }
                out.add(new SuggestionView(a, List.copyOf(sources.get(id))));
                if (out.size() == limit) {
                    break;
                }
            }
            return out;
        });
    }

    /** Never suggests {@code targetId} to {@code viewerId} again; an unknown account is ignored. */
    public void dismiss(long viewerId, long targetId) {
        db.inTransaction(tx -> {
            if (accounts.find(tx, targetId).isPresent()) {
                suggestions.dismiss(tx, viewerId, targetId, clock.instant());
            }
            return null;
        });
    }
}
