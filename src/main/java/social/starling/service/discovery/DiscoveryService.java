package social.starling.service.discovery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.DiscoveryRepository;
import social.starling.db.RelationshipRepository;
import social.starling.model.Account;
import social.starling.service.visibility.Relations;
import social.starling.service.visibility.RelationsCache;

/**
 * Finding people and tags: the profile directory ({@code GET /api/v1/directory}), hashtags for search, and
 * familiar followers ({@code GET /api/v1/accounts/familiar_followers}).
 */
public final class DiscoveryService {
    /** A hashtag found, and whether the viewer follows it (null for visitors). */
    public record FoundTag(long id, String name, Boolean following) {
    }

    private final Database db;
    private final DiscoveryRepository discovery;
    private final AccountRepository accounts;
    private final RelationshipRepository relationships;
    private final RelationsCache relations;

    public DiscoveryService(Database db, DiscoveryRepository discovery, AccountRepository accounts,
                            RelationshipRepository relationships, RelationsCache relations) {
        this.db = db;
        this.discovery = discovery;
        this.accounts = accounts;
        this.relationships = relationships;
        this.relations = relations;
    }

    /**
     * Mastodon's DirectoriesController: discoverable accounts, {@code active} (recent posters first) or newest;
     * for a signed-in viewer, not those they block or mute or who block them. Only local accounts are known to
     * the directory for now, so {@code local} changes nothing.
     */
    public List<Account> directory(Long viewerId, boolean active, int offset, int limit) {
        Set<Long> excluded = new HashSet<>();
        if (viewerId != null) {
            Relations rel = relations.of(viewerId);
            excluded.addAll(rel.blocking());
            excluded.addAll(rel.blockedBy());
            excluded.addAll(rel.muted().keySet());
        }
        return db.read(tx -> discovery.directory(tx, active, excluded, offset, limit));
    }

    /** Tags starting with {@code query} (a leading # ignored). */
    public List<FoundTag> tags(String query, Long viewerId, int limit, int offset) {
        String q = query.strip().replaceFirst("^#", "");
        if (q.isEmpty() || !q.matches("[\\p{L}\\p{N}_\\p{M}\\u00b7\\u200c]+")) {
            return List.of();
        }
        return db.read(tx -> {
            List<DiscoveryRepository.Tag> found = discovery.tagsStartingWith(tx, q, limit, offset);
            Set<Long> followed = viewerId == null ? Set.of()
                    : discovery.followedTags(tx, viewerId, found.stream().map(DiscoveryRepository.Tag::id).toList());
            return found.stream().map(t -> new FoundTag(t.id(), t.name(),
                    viewerId == null ? null : followed.contains(t.id()))).toList();
        });
    }

    /**
     * For each account asked about, the accounts the viewer follows that follow it (Mastodon's
     * FamiliarFollowersPresenter), leaving out those who hide their network and those in a block or mute.
     */
    public Map<Long, List<Account>> familiarFollowers(long viewerId, List<Long> accountIds) {
        Relations rel = relations.of(viewerId);
        Map<Long, List<Account>> out = new LinkedHashMap<>();
        db.read(tx -> {
            List<Long> following = relationships.followingIds(tx, viewerId);
            for (long id : accountIds) {
                Set<Long> familiar = following.isEmpty() ? Set.of()
                        : relationships.followersAmong(tx, id, following);
                List<Account> shown = new ArrayList<>();
                for (Account a : accounts.findAll(tx, familiar)) {
                    if (!a.hideCollections() && !a.suspended() && !rel.blockedEitherWay(a.id()) && !rel.mutes(a.id())
                            && a.id() != id) {
                        shown.add(a);
                    }
                }
                out.put(id, shown);
            }
            return null;
        });
        return out;
    }
}
