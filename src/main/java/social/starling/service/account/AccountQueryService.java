package social.starling.service.account;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.UserRepository;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.User;

/** Reads accounts for the API: by id, by handle, a local search, and the caller's own account with its login. */
public final class AccountQueryService {
    /**
     * The caller's own account, its login, how many follow requests wait for it, and its profile fields as typed
     * (the values back to text from the HTML Starling made of them, for {@code source.fields}).
     */
    public record Self(Account account, User user, int followRequests, List<Account.Field> fieldsSource,
                       List<String> attributionDomains) {
    }

    /** Counts pending follow requests; follows are a later part of Starling, so counting is injected. */
    public interface FollowRequestCounter {
        int pendingFor(social.starling.db.Tx tx, long accountId);
    }

    private final Database db;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final String localHost;
    private final FollowRequestCounter followRequests;

    public AccountQueryService(Database db, AccountRepository accounts, UserRepository users, String localHost,
                               FollowRequestCounter followRequests) {
        this.db = db;
        this.accounts = accounts;
        this.users = users;
        this.localHost = localHost;
        this.followRequests = followRequests;
    }

    public Account require(long id) {
        return db.read(tx -> accounts.find(tx, id)).filter(a -> !instanceActor(a))
                .orElseThrow(() -> new NotFoundException("Record not found"));
    }

    public List<Account> findAll(Collection<Long> ids) {
        return db.read(tx -> accounts.findAll(tx, ids)).stream().filter(a -> !instanceActor(a)).toList();
    }

    /** {@code user}, {@code user@this.domain} or {@code user@remote.domain} (known remote accounts only, for now). */
    public Optional<Account> lookup(String acct) {
        String handle = acct.trim();
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        int at = handle.indexOf('@');
        String username = at < 0 ? handle : handle.substring(0, at);
        String domain = at < 0 ? null : handle.substring(at + 1).toLowerCase(Locale.ROOT);
        if (domain != null && (domain.equals(localHost) || domain.isBlank())) {
            domain = null;
        }
        String d = domain;
        return db.read(tx -> accounts.findByUsername(tx, username, d)).filter(a -> !instanceActor(a));
    }

    public List<Account> search(String query, int limit, int offset) {
        String q = query.trim();
        if (q.startsWith("@")) {
            q = q.substring(1);
        }
        if (q.contains("@")) {
            // A suspended account is not found by search (Mastodon's searchable scope), so neither are the accounts
            // of a suspended domain.
            return lookup(q).filter(a -> !a.suspended()).map(List::of).orElse(List.of());
        }
        if (q.isEmpty()) {
            return List.of();
        }
        String prefix = q;
        return db.read(tx -> accounts.searchLocal(tx, prefix, limit, offset)).stream()
                .filter(a -> !instanceActor(a)).toList();
    }

    /**
     * {@code accounts/search?following=true}: among the accounts {@code viewerId} follows, local or remote, by
     * username prefix; {@code user@domain} narrows to that domain (this server's own domain meaning local ones).
     */
    public List<Account> searchFollowed(long viewerId, String query, int limit, int offset) {
        String q = query.trim();
        if (q.startsWith("@")) {
            q = q.substring(1);
        }
        String domain = null;
        int at = q.indexOf('@');
        if (at >= 0) {
            domain = q.substring(at + 1);
            domain = domain.equalsIgnoreCase(localHost) ? "" : domain;
            q = q.substring(0, at);
        }
        String prefix = q;
        String on = domain;
        return db.read(tx -> accounts.searchFollowed(tx, viewerId, prefix, on, limit, offset));
    }

    public Self self(long accountId) {
        return db.read(tx -> {
            Account account = accounts.require(tx, accountId);
            List<Account.Field> typed = account.fields().stream()
                    .map(f -> new Account.Field(f.name(), Jsoup.parse(f.value()).text(), f.verifiedAt())).toList();
            return new Self(account, users.find(tx, accountId).orElseThrow(), followRequests.pendingFor(tx, accountId),
                    typed, users.attributionDomains(tx, accountId));
        });
    }

    private static boolean instanceActor(Account a) {
        return a.isLocal() && "Application".equals(a.actorType());
    }
}
