package social.starling.service.follow;


import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.RelationshipRepository;
import social.starling.model.Account;
import social.starling.model.Follow;
import social.starling.model.view.Relationship;

/** Mastodon's Relationship between the viewer and other accounts, computed for a batch at once. */
public final class RelationshipService {
    private final Database db;
    private final RelationshipRepository relationships;
    private final AccountRepository accounts;
    private final Clock clock;

    public RelationshipService(Database db, RelationshipRepository relationships, AccountRepository accounts,
                               Clock clock) {
        this.db = db;
        this.relationships = relationships;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Relationship of(long viewerId, long targetId) {
        return of(viewerId, List.of(targetId)).getFirst();
    }

    /** Relationships to the given accounts, in order; unknown ids are left out. */
    public List<Relationship> of(long viewerId, List<Long> targetIds) {
        return db.read(tx -> {
            List<Account> targets = accounts.findAll(tx, targetIds);
            Map<Long, Account> byId = new java.util.HashMap<>();
            targets.forEach(a -> byId.put(a.id(), a));
            List<Long> ids = targetIds.stream().filter(byId::containsKey).distinct().toList();
            Map<Long, Follow> follows = relationships.followsOf(tx, viewerId, ids);
            Set<Long> followedBy = relationships.followersAmong(tx, viewerId, ids);
            Set<Long> requested = relationships.requestedAmong(tx, viewerId, ids);
            Set<Long> requestedBy = relationships.requestersAmong(tx, viewerId, ids);
            Set<Long> blocking = relationships.blockedBy(tx, viewerId);
            Set<Long> blockedBy = relationships.blockersOf(tx, viewerId);
            Map<Long, Boolean> muting = relationships.mutedBy(tx, viewerId, clock.instant());
            Set<String> domains = relationships.blockedDomains(tx, viewerId);
            Set<Long> endorsed = relationships.endorsedAmong(tx, viewerId, ids);
            Map<Long, String> notes = relationships.notesAbout(tx, viewerId, ids);
            List<Relationship> out = new ArrayList<>();
            for (long id : ids) {
                Follow f = follows.get(id);
                Account a = byId.get(id);
                out.add(new Relationship(id, f != null, f != null && f.showReblogs(), f != null && f.notifyPosts(),
                        // Mastodon answers null unless the follow is restricted to some languages.
                        f == null || f.languages().isEmpty() ? null : f.languages(), followedBy.contains(id), blocking.contains(id),
                        blockedBy.contains(id), muting.containsKey(id), Boolean.TRUE.equals(muting.get(id)),
                        requested.contains(id), requestedBy.contains(id),
                        a.domain() != null && domains.contains(a.domain()), endorsed.contains(id),
                        notes.getOrDefault(id, "")));
            }
            return out;
        });
    }

}
