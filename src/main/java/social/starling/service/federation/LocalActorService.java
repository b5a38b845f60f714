package social.starling.service.federation;

import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.UserRepository;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.User;
import social.starling.service.account.GenerateAccountKeysService;

/**
 * Finds the local actors other servers may see: members whose sign-up is complete (e-mail confirmed, approved, as
 * Mastodon's AccountOwnedConcern hides pending and unconfirmed accounts) and not suspended, and the instance actor.
 *
 * <p>Keys: accounts get their RSA key pair from a job queued at creation ({@link GenerateAccountKeysService}). An
 * actor served before that job ran (a lookup right after sign-up, or jobs disabled) gets its key here, synchronously
 * (about 135 ms, once per account), rather than a 503: Fedify, Mastodon and others do not retry a failed actor fetch
 * soon, and an actor document without {@code publicKey} cannot verify anything later. Requests for the same account
 * wait on one lock stripe so one key is made; {@code generate} keeps the first key if the job races it.
 */
public final class LocalActorService {
    private static final int STRIPES = 64;

    private final Database db;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final GenerateAccountKeysService keys;
    private final String instanceActorUri;
    private final Object[] locks = new Object[STRIPES];

    public LocalActorService(Database db, AccountRepository accounts, UserRepository users,
                             GenerateAccountKeysService keys, String baseUrl) {
        this.db = db;
        this.accounts = accounts;
        this.users = users;
        this.keys = keys;
        this.instanceActorUri = baseUrl + "/actor";
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** The member named {@code username} (any case), if others may see them; their key may not exist yet. */
    public Optional<Account> find(String username) {
        if (username == null || username.isBlank() || username.length() > 255) {
            return Optional.empty();
        }
        return db.read(tx -> accounts.findByUsername(tx, username, null)
                .filter(a -> visible(a, users.find(tx, a.id()))));
    }

    /** As {@link #find}, with the public key made if it was missing; 404 when there is no such member. */
    public Account require(String username) {
        return withKey(find(username).orElseThrow(() -> new NotFoundException("Record not found")));
    }

    /** The instance actor ({@code /actor}), with its key. */
    public Account instanceActor() {
        return withKey(db.read(tx -> accounts.findByUri(tx, instanceActorUri))
                .orElseThrow(() -> new NotFoundException("Record not found")));
    }

    static boolean visible(Account a, Optional<User> user) {
        return a.isLocal() && !isInstanceActor(a) && !a.suspended()
                && user.map(u -> u.confirmed() && u.approved()).orElse(false);
    }

    static boolean isInstanceActor(Account a) {
        return a.isLocal() && "Application".equals(a.actorType());
    }

    private Account withKey(Account account) {
        if (account.publicKey() != null) {
            return account;
        }
        synchronized (locks[(int) Math.floorMod(account.id(), (long) STRIPES)]) {
            Account current = db.read(tx -> accounts.require(tx, account.id()));
            if (current.publicKey() != null) {
                return current;
            }
            keys.generate(account.id());
            return db.read(tx -> accounts.require(tx, account.id()));
        }
    }
}
