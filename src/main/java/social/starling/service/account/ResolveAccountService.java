package social.starling.service.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.model.Account;
import social.starling.model.IdGenerator;

/**
 * Finds an account by handle or actor URL, asking its server when Starling does not know it or its copy is older
 * than a day: Mastodon's {@code ResolveAccountService} (app/services/resolve_account_service.rb), used by
 * {@code /api/v1/accounts/lookup}, and by the searches when they may resolve.
 *
 * <p>Rules:
 * <ul>
 *   <li>a local handle (no domain, or this server's) is the local account; never fetched;</li>
 *   <li>a remote account stored less than {@link #FRESH} ago is answered from the database;</li>
 *   <li>otherwise WebFinger gives the actor id, the actor is fetched, and it is stored (inserted or updated by its
 *       URI) under {@code preferredUsername@host-of-its-id} only when that handle is <b>confirmed</b>: the WebFinger
 *       answer for exactly that handle names exactly that actor id. If the handle asked for is a different one (an
 *       alias, another domain, a different case of user name) the canonical handle is looked up again, as Mastodon
 *       does, so a server cannot claim accounts on another domain;</li>
 *   <li>an actor URL is fetched (an alias on another origin is followed once) and confirmed the same way;</li>
 *   <li>any failure answers what is stored, possibly nothing (a 404 for clients); reasons are logged at debug.</li>
 * </ul>
 */
public final class ResolveAccountService {
    private static final Logger log = LoggerFactory.getLogger(ResolveAccountService.class);
    public static final Duration FRESH = Duration.ofDays(1);
    /** The least time between two fetches of one actor to refresh its key. */

    private final Database db;
    private final AccountRepository accounts;
    private final AccountWriter writer;
    private final AccountQueryService queries;
    private final RemoteActors remote;
    private final IdGenerator ids;
    private final String localDomain;
    private final Clock clock;
    private final java.util.function.Predicate<String> refusedDomain;

    public ResolveAccountService(Database db, AccountRepository accounts, AccountWriter writer,
                                 AccountQueryService queries, RemoteActors remote, IdGenerator ids,
                                 String localDomain, Clock clock) {
        this(db, accounts, writer, queries, remote, ids, localDomain, clock, domain -> false);
    }

    /**
     * @param refusedDomain domains the server's domain policy refuses (suspended, or not allowed in limited
     *                      federation): their accounts are not found, stored or not
     */
    public ResolveAccountService(Database db, AccountRepository accounts, AccountWriter writer,
                                 AccountQueryService queries, RemoteActors remote, IdGenerator ids,
                                 String localDomain, Clock clock, java.util.function.Predicate<String> refusedDomain) {
        this.refusedDomain = refusedDomain;
        this.db = db;
        this.accounts = accounts;
        this.writer = writer;
        this.queries = queries;
        this.remote = remote;
        this.ids = ids;
        this.localDomain = localDomain.toLowerCase(Locale.ROOT);
        this.clock = clock;
    }

    /**
     * A search query that names one account: {@code user@host}, {@code @user@host}, {@code acct:user@host}, or an
     * http(s) URL. Anything else (a bare word) is empty: that is a local search, not a resolution.
     */
    public Optional<Account> resolveQuery(String query) {
        String q = query.strip();
        if (q.regionMatches(true, 0, "https://", 0, 8) || q.regionMatches(true, 0, "http://", 0, 7)) {
            return resolveUrl(q);
        }
        if (q.regionMatches(true, 0, "acct:", 0, 5)) {
            q = q.substring(5);
        }
        if (q.startsWith("@")) {
            q = q.substring(1);
        }
        return q.indexOf('@') > 0 && !q.contains(" ") ? resolve(q) : Optional.empty();
    }

    /** {@code user}, {@code user@host} or {@code @user@host}. */
    public Optional<Account> resolve(String acct) {
        String handle = acct.strip();
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        int at = handle.indexOf('@');
        String user = at < 0 ? handle : handle.substring(0, at);
        String host = at < 0 ? "" : handle.substring(at + 1).toLowerCase(Locale.ROOT);
        if (user.isEmpty() || host.isEmpty() || host.equals(localDomain)) {
            return user.isEmpty() ? Optional.empty() : queries.lookup(user);
        }
        if (host.indexOf('@') >= 0 || host.indexOf('/') >= 0 || refusedDomain.test(host)) {
            return Optional.empty();
        }
        Optional<Account> stored = db.read(tx -> accounts.findByUsername(tx, user, host));
        if (stored.isPresent() && fresh(stored.get())) {
            return stored;
        }
        Optional<RemoteActors.Finger> finger = remote.finger(user, host);
        if (finger.isEmpty()) {
            return stored;
        }
        Optional<Account> actor = remote.fetch(finger.get().actorId(), false)
                .filter(a -> a.uri().equals(finger.get().actorId()));
        if (actor.isEmpty()) {
            log.debug("{}@{}: no actor at {}", user, host, finger.get().actorId());
            return stored;
        }
        boolean confirmed = actor.get().acct().equalsIgnoreCase(user + "@" + host);
        return confirm(actor.get(), confirmed).flatMap(this::store).or(() -> stored);
    }

    /** An actor's id or another URL that leads to it (a profile page that answers ActivityPub JSON). */
    public Optional<Account> resolveUrl(String url) {
        if (social.starling.service.moderation.DomainPolicy.domainOf(url).map(refusedDomain::test).orElse(false)) {
            return Optional.empty();
        }
        Optional<Account> stored = db.read(tx -> accounts.findByUri(tx, url));
        if (stored.isPresent() && (stored.get().isLocal() || fresh(stored.get()))) {
            return stored.filter(a -> !a.isLocal() || !"Application".equals(a.actorType()));
        }
        Optional<Account> actor = remote.fetch(url, true);
        if (actor.isEmpty()) {
            return stored;
        }
        if (actor.get().domain().equals(localDomain)) {
            return stored;
        }
        return confirm(actor.get(), false).flatMap(this::store).or(() -> stored);
    }

    /**
     * The actor, if WebFinger on its own domain names it. {@code alreadyConfirmed}: the WebFinger answer that led
     * here was for exactly its handle and named exactly its id.
     */
    private Optional<Account> confirm(Account actor, boolean alreadyConfirmed) {
        if (alreadyConfirmed) {
            return Optional.of(actor);
        }
        Optional<RemoteActors.Finger> check = remote.finger(actor.username(), actor.domain());
        if (check.isPresent() && check.get().actorId().equals(actor.uri())) {
            return Optional.of(actor);
        }
        log.debug("{} is not confirmed by WebFinger for {}", actor.uri(), actor.acct());
        return Optional.empty();
    }

    /** Inserts or updates by URI; another account already holding the handle is left alone (and this one refused). */
    private Optional<Account> store(Account seen) {
        Instant now = clock.instant();
        try {
            return db.inTransaction(tx -> {
                Optional<Account> sameHandle = accounts.findByUsername(tx, seen.username(), seen.domain());
                if (sameHandle.isPresent() && !sameHandle.get().uri().equals(seen.uri())) {
                    log.debug("{} is held by {}, not {}", seen.acct(), sameHandle.get().uri(), seen.uri());
                    return Optional.<Account>empty();
                }
                Account withId = sameHandle.isPresent() ? seen : withId(seen, ids.next());
                return Optional.of(writer.upsertRemote(tx, withId, now));
            });
        } catch (RuntimeException e) {
            // A concurrent resolution of the same actor inserted it first (PostgreSQL; SQLite has one writer).
            log.debug("storing {} failed: {}", seen.uri(), e.toString());
            return db.read(tx -> accounts.findByUri(tx, seen.uri()));
        }
    }

    private boolean fresh(Account a) {
        return a.updatedAt() != null && a.updatedAt().isAfter(clock.instant().minus(FRESH));
    }

    private static Account withId(Account a, long id) {
        return new Account(id, a.username(), a.domain(), a.displayName(), a.note(), a.noteSource(), a.fields(),
                a.uri(), a.url(), a.inboxUri(), a.sharedInboxUri(), a.outboxUri(), a.followersUri(),
                a.followingUri(), a.featuredUri(), a.actorType(), a.locked(), a.discoverable(), a.indexable(),
                a.hideCollections(), a.memorial(), a.avatarFile(), a.avatarRemoteUrl(), a.headerFile(),
                a.headerRemoteUrl(), a.publicKey(), a.followersCount(), a.followingCount(), a.statusesCount(),
                a.lastStatusAt(), a.suspendedAt(), a.silencedAt(), a.createdAt(), a.updatedAt());
    }
}
