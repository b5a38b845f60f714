package social.starling.service.list;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.ListRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.IdGenerator;
import social.starling.model.UserList;

/**
 * A person's lists (Mastodon's List): create, rename, change the replies policy or exclusivity, delete. A list is
 * only ever visible to its owner: anyone else's list is a 404. Validation follows Mastodon's List model: a title
 * is required, the replies policy is one of followed/list/none, at most {@link #PER_ACCOUNT_LIMIT} lists.
 */
public final class ListService {
    /** Mastodon's List::PER_ACCOUNT_LIMIT. */
    public static final int PER_ACCOUNT_LIMIT = 50;
    static final int TITLE_LIMIT = 255;

    /** What a create or update asks for; null leaves a value as it is (defaults on create). */
    public record Changes(String title, String repliesPolicy, Boolean exclusive) {
    }

    private final Database db;
    private final ListRepository lists;
    private final AccountRepository accounts;
    private final IdGenerator ids;
    private final Clock clock;

    public ListService(Database db, ListRepository lists, AccountRepository accounts, IdGenerator ids, Clock clock) {
        this.db = db;
        this.lists = lists;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
    }

    public List<UserList> all(long ownerId) {
        return db.read(tx -> lists.ofOwner(tx, ownerId));
    }

    public UserList require(long ownerId, long listId) {
        return db.read(tx -> lists.findOwned(tx, ownerId, listId)
                .orElseThrow(() -> new NotFoundException("Record not found")));
    }

    /** The owner's lists that hold {@code accountId}; 404 if there is no such account. */
    public List<UserList> containing(long ownerId, long accountId) {
        return db.read(tx -> {
            accounts.find(tx, accountId).orElseThrow(() -> new NotFoundException("Record not found"));
            return lists.containing(tx, ownerId, accountId);
        });
    }

    public UserList create(long ownerId, Changes changes) {
        String title = title(changes.title());
        UserList.RepliesPolicy policy = policy(changes.repliesPolicy(), UserList.RepliesPolicy.LIST);
        return db.inTransaction(tx -> {
            if (lists.countOfOwner(tx, ownerId) >= PER_ACCOUNT_LIMIT) {
                throw new UnprocessableException("Validation failed: You have reached the maximum number of lists");
            }
            Instant now = clock.instant();
            UserList list = new UserList(ids.next(), ownerId, title, policy,
                    changes.exclusive() != null && changes.exclusive(), now, now);
            lists.insert(tx, list);
            return list;
        });
    }

    public UserList update(long ownerId, long listId, Changes changes) {
        return db.inTransaction(tx -> {
            UserList old = lists.findOwned(tx, ownerId, listId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            UserList list = new UserList(old.id(), ownerId,
                    changes.title() == null ? old.title() : title(changes.title()),
                    policy(changes.repliesPolicy(), old.repliesPolicy()),
                    changes.exclusive() == null ? old.exclusive() : changes.exclusive(),
                    old.createdAt(), clock.instant());
            lists.update(tx, list);
            return list;
        });
    }

    public void delete(long ownerId, long listId) {
        db.inTransaction(tx -> {
            lists.findOwned(tx, ownerId, listId).orElseThrow(() -> new NotFoundException("Record not found"));
            lists.delete(tx, listId);
            return null;
        });
    }

    private static String title(String raw) {
        String title = raw == null ? "" : raw.strip();
        if (title.isEmpty()) {
            throw new UnprocessableException("Validation failed: Title can't be blank");
        }
        if (title.codePointCount(0, title.length()) > TITLE_LIMIT) {
            throw new UnprocessableException("Validation failed: Title is too long (maximum is " + TITLE_LIMIT
                    + " characters)");
        }
        return title;
    }

    private static UserList.RepliesPolicy policy(String raw, UserList.RepliesPolicy fallback) {
        if (raw == null) {
            return fallback;
        }
        return UserList.RepliesPolicy.parse(raw).orElseThrow(() ->
                new UnprocessableException("Validation failed: Replies policy is not included in the list"));
    }
}
