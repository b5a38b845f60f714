package social.starling.service.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.DatabaseException;
import social.starling.db.UserRepository;
import social.starling.model.Account;
import social.starling.model.IdGenerator;
import social.starling.model.LocalUris;
import social.starling.model.User;

/**
 * Creates a local account and its login in one transaction, with the job that makes its key pair (RSA key
 * generation costs ~100 ms, so it never runs on the request path).
 */
public final class CreateLocalAccountService {
    private final Database db;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final AccountWriter writer;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final LocalUris uris;
    private final String instanceActorName;
    private final Clock clock;

    public CreateLocalAccountService(Database db, AccountRepository accounts, UserRepository users, AccountWriter writer,
                                     PasswordHasher hasher, IdGenerator ids, LocalUris uris, String instanceActorName,
                                     Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.users = users;
        this.writer = writer;
        this.hasher = hasher;
        this.ids = ids;
        this.uris = uris;
        this.instanceActorName = instanceActorName;
        this.clock = clock;
    }

    /** Validates, then creates; a taken username or e-mail is a 422 with Mastodon's details. */
    /** Refuses at once (503 with Retry-After) when a new account's password could not be hashed now. */
    public void checkRoom() {
        hasher.checkRoomForNewAccount();
    }

    public Account create(NewLocalAccount request) {
        return create(request, (tx, account) -> { });
    }

    /** As {@link #create(NewLocalAccount)}, running {@code alsoInTransaction} in the same transaction. */
    public Account create(NewLocalAccount request, java.util.function.BiConsumer<social.starling.db.Tx, Account>
            alsoInTransaction) {
        new AccountRules()
                .username(request.username(), instanceActorName)
                .email(request.email())
                .password(request.password(), request.username(), request.email())
                .check();
        db.read(tx -> {
            var rules = new AccountRules();
            if (accounts.findByUsername(tx, request.username(), null).isPresent()) {
                rules.usernameTaken();
            }
            if (users.emailTaken(tx, request.email())) {
                rules.emailTaken();
            }
            rules.check();
            return null;
        });
        String hash = hasher.hashForNewAccount(request.password());
        try {
            return db.inTransaction(tx -> {
                Instant now = clock.instant();
                Account account = newAccount(ids.next(), request.username(), now);
                writer.createLocal(tx, account);
                users.insert(tx, User.create(account.id(), request.email().trim(), hash, request.role(),
                        request.locale() == null || request.locale().isBlank() ? "en" : request.locale(),
                        request.approved(), request.confirmed() ? now : null, request.reason(), request.inviteId(),
                        now), request.signUpIp());
                alsoInTransaction.accept(tx, account);
                return account;
            });
        } catch (DatabaseException e) {
            // Lost a race with a concurrent sign-up for the same name or address.
            var rules = new AccountRules();
            db.read(tx -> {
                if (accounts.findByUsername(tx, request.username(), null).isPresent()) {
                    rules.usernameTaken();
                }
                if (users.emailTaken(tx, request.email())) {
                    rules.emailTaken();
                }
                return null;
            });
            rules.check();
            throw e;
        }
    }

    private Account newAccount(long id, String username, Instant now) {
        return new Account(id, username, null, "", "", "", List.of(),
                uris.actor(username), uris.profile(username), uris.inbox(username), uris.sharedInbox(),
                uris.outbox(username), uris.followers(username), uris.following(username), uris.featured(username),
                "Person", false, true, false, false, false, null, null, null, null, null,
                0, 0, 0, null, null, null, now, now);
    }
}
