package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.federation.fetch.FetchException;
import social.starling.federation.fetch.RemoteFetcher;
import social.starling.federation.fetch.RequestSigner;
import social.starling.federation.signature.ActorKey;
import social.starling.federation.signature.KeyResolver;
import social.starling.federation.signature.Keys;
import social.starling.model.Account;
import social.starling.service.account.AccountWriter;
import social.starling.service.account.RemoteActors;
import social.starling.service.account.ResolveAccountService;

/**
 * The keys inbound signatures are checked with: the public key stored with a remote account, else the actor
 * fetched and stored now (Mastodon's signed_request_actor → FetchRemoteKeyService, which stores the actor too).
 *
 * <ul>
 *   <li>A key id {@code <actor>#main-key} (Mastodon, Misskey, Pleroma, Fedify) names its actor by the part before
 *       the fragment. A key id without a fragment (GoToSocial's {@code <actor>/main-key}) is dereferenced once: a
 *       Key names its {@code owner}, an actor document names itself. The owner found is remembered per key id.</li>
 *   <li>A new actor is stored through {@link ResolveAccountService#resolveUrl} (its handle confirmed by WebFinger).
 *       Whatever owner a key document claims, only that owner's own key is used, so a key id cannot borrow another
 *       actor's name.</li>
 *   <li>A stored key is answered as possibly stale ({@link ActorKey#cached()}): when it fails, the verifier asks
 *       again with {@code refresh}, and the actor is fetched again and updated (a rotated key, Mastodon's
 *       behaviour), at most once a minute per key id so bad signatures cannot make Starling fetch in a loop.</li>
 *   <li>Keys of local accounts are never answered: nobody outside signs as a member. A suspended (or deleted)
 *       account's key still verifies, so its deliveries are answered 202 and dropped (InboxReceiver) rather than
 *       refused and retried.</li>
 * </ul>
 */
public final class ActorKeyResolver implements KeyResolver {
    private static final Logger log = LoggerFactory.getLogger(ActorKeyResolver.class);
    static final Duration MIN_REFRESH_INTERVAL = Duration.ofMinutes(1);

    private final Database db;
    private final AccountRepository accounts;
    private final AccountWriter writer;
    private final ResolveAccountService resolve;
    private final RemoteActors actors;
    private final RemoteFetcher fetcher;
    private final RequestSigner signer;
    private final Origins origins;
    private final Clock clock;
    private final Cache<String, String> owners = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofDays(1)).build();
    private final Cache<String, Instant> refreshed = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(MIN_REFRESH_INTERVAL.multipliedBy(2)).build();

    public ActorKeyResolver(Database db, AccountRepository accounts, AccountWriter writer,
                            ResolveAccountService resolve, RemoteActors actors, RemoteFetcher fetcher,
                            RequestSigner signer, Origins origins, Clock clock) {
        this.signer = signer;
        this.db = db;
        this.accounts = accounts;
        this.writer = writer;
        this.resolve = resolve;
        this.actors = actors;
        this.fetcher = fetcher;
        this.origins = origins;
        this.clock = clock;
    }

    @Override
    public Optional<ActorKey> resolve(String keyId, boolean refresh) {
        if (Origins.of(keyId).isEmpty() || origins.isLocal(keyId)) {
            return Optional.empty();
        }
        Optional<String> owner = owner(keyId);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Optional<Account> stored = db.read(tx -> accounts.findByUri(tx, owner.get()));
        if (stored.isPresent() && stored.get().isLocal()) {
            return Optional.empty();
        }
        if (stored.isPresent() && stored.get().publicKey() != null && (!refresh || refreshedRecently(keyId))) {
            return key(keyId, stored.get(), !refresh);
        }
        refreshed.put(keyId, clock.instant());
        Optional<Account> current = stored.isPresent() ? refetch(stored.get()) : resolve.resolveUrl(owner.get())
                .filter(a -> a.uri().equals(owner.get()) && !a.isLocal());
        return current.flatMap(a -> key(keyId, a, false));
    }

    private boolean refreshedRecently(String keyId) {
        Instant last = refreshed.getIfPresent(keyId);
        return last != null && last.plus(MIN_REFRESH_INTERVAL).isAfter(clock.instant());
    }

    /** The stored actor updated from its document now (or as stored, if it cannot be fetched). */
    private Optional<Account> refetch(Account stored) {
        Optional<Account> seen = actors.fetch(stored.uri(), false).filter(a -> a.uri().equals(stored.uri()));
        if (seen.isEmpty()) {
            return Optional.of(stored);
        }
        return Optional.of(db.inTransaction(tx -> writer.upsertRemote(tx, seen.get(), clock.instant())));
    }

    private Optional<String> owner(String keyId) {
        URI uri;
        try {
            uri = new URI(keyId);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getRawFragment() != null) {
            return Optional.of(keyId.substring(0, keyId.indexOf('#')));
        }
        String known = owners.getIfPresent(keyId);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            JsonNode document = fetcher.getJson(uri, signer).document();
            JsonNode key = document.get("publicKey");
            Optional<String> owner = Activities.idOf(document.get("owner"))
                    .or(() -> key != null && key.isObject() ? Activities.idOf(key.get("owner")) : Optional.empty())
                    .or(() -> Activities.ACTOR_TYPES.contains(Activities.type(document))
                            ? Activities.idOf(document) : Optional.empty());
            owner.ifPresent(o -> owners.put(keyId, o));
            return owner;
        } catch (FetchException e) {
            log.debug("the key {} cannot be fetched: {}", keyId, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<ActorKey> key(String keyId, Account actor, boolean cached) {
        if (actor.publicKey() == null) {
            return Optional.empty();
        }
        try {
            PublicKey key = Keys.publicKeyFromPem(actor.publicKey());
            return Optional.of(new ActorKey(keyId, actor.uri(), key, cached));
        } catch (RuntimeException e) {
            log.debug("the stored key of {} cannot be read: {}", actor.uri(), e.getMessage());
            return Optional.empty();
        }
    }
}
