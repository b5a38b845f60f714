package social.starling.service.list;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.ListRepository;
import social.starling.db.RelationshipRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.Page;
import social.starling.model.UserList;

/**
 * Who is in a list. Only accounts the owner follows may join (and the owner), as Mastodon's ListAccount requires a
 * follow; unfollowing removes the account from the owner's lists (RelationshipRepository#deleteFollow). Adding is
 * all or nothing, as Mastodon adds in one transaction: an unknown account is a 404, one not followed or already in
 * the list a 422, and then none of them is added.
 */
public final class ListMembersService {
    private final Database db;
    private final ListRepository lists;
    private final AccountRepository accounts;
    private final RelationshipRepository relationships;
    private final Clock clock;

    public ListMembersService(Database db, ListRepository lists, AccountRepository accounts,
                              RelationshipRepository relationships, Clock clock) {
        this.db = db;
        this.lists = lists;
        this.accounts = accounts;
        this.relationships = relationships;
        this.clock = clock;
    }

    /** Members, newest account first; {@code page} null for all of them (Mastodon's {@code limit=0}). */
    public List<Account> members(long ownerId, long listId, Page page) {
        return db.read(tx -> {
            UserList list = lists.findOwned(tx, ownerId, listId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            List<Long> ids = lists.members(tx, list.id(), page);
            Map<Long, Account> byId = new HashMap<>();
            accounts.findAll(tx, ids).forEach(a -> byId.put(a.id(), a));
            List<Account> out = new ArrayList<>();
            ids.stream().filter(byId::containsKey).forEach(id -> out.add(byId.get(id)));
            return out;
        });
    }

    public void add(long ownerId, long listId, List<Long> accountIds) {
        Set<Long> wanted = new LinkedHashSet<>(accountIds);
        db.inTransaction(tx -> {
            UserList list = lists.findOwned(tx, ownerId, listId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            if (accounts.findAll(tx, wanted).size() != wanted.size()) {
                throw new NotFoundException("Record not found");
            }
            Set<Long> others = new LinkedHashSet<>(wanted);
            others.remove(ownerId);
            if (!relationships.followedAmong(tx, ownerId, others).containsAll(others)) {
                throw new UnprocessableException("Validation failed: Account has not been followed");
            }
            if (!lists.membersAmong(tx, list.id(), wanted).isEmpty()) {
                throw new UnprocessableException("Validation failed: Account has already been taken");
            }
            Instant now = clock.instant();
            for (long id : wanted) {
                lists.addMember(tx, list.id(), id, now);
            }
            return null;
        });
    }

    public void remove(long ownerId, long listId, List<Long> accountIds) {
        db.inTransaction(tx -> {
            UserList list = lists.findOwned(tx, ownerId, listId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            lists.removeMembers(tx, list.id(), accountIds);
            return null;
        });
    }
}
