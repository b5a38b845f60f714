package social.starling.federation.note;

import java.net.URI;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.federation.fetch.RequestSigner;
import social.starling.federation.signature.HttpSigner;
import social.starling.federation.signature.Keys;
import social.starling.model.Account;
import social.starling.service.account.GenerateAccountKeysService;
import social.starling.service.account.InstanceActorService;

/**
 * Signs the server's own fetches with the instance actor's key ({@code <base>/actor#main-key}), as Mastodon signs
 * what it fetches for nobody in particular, so servers in authorized-fetch mode (Mastodon's secure mode,
 * GoToSocial) answer. The key is made now if the start-up job has not made it yet, and kept in memory once read.
 * Without an instance actor (not started) the request goes unsigned.
 */
public final class InstanceActorSigner implements RequestSigner {
    private static final Logger log = LoggerFactory.getLogger(InstanceActorSigner.class);

    private final Database db;
    private final AccountRepository accounts;
    private final InstanceActorService instanceActor;
    private final GenerateAccountKeysService keys;
    private final HttpSigner signer;
    private volatile Key key;

    private record Key(String keyId, PrivateKey privateKey) {
    }

    public InstanceActorSigner(Database db, AccountRepository accounts, InstanceActorService instanceActor,
                               GenerateAccountKeysService keys, HttpSigner signer) {
        this.db = db;
        this.accounts = accounts;
        this.instanceActor = instanceActor;
        this.keys = keys;
        this.signer = signer;
    }

    @Override
    public Map<String, String> headersFor(String method, URI target, byte[] body) {
        Optional<Key> k = key();
        if (k.isEmpty()) {
            return Map.of();
        }
        return signer.sign(method, target, Map.of(), body, k.get().keyId(), k.get().privateKey());
    }

    private Optional<Key> key() {
        Key known = key;
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Account> actor = instanceActor.find();
        if (actor.isEmpty()) {
            log.debug("no instance actor yet: fetching unsigned");
            return Optional.empty();
        }
        keys.generate(actor.get().id());
        Optional<String> pem = db.read(tx -> accounts.privateKey(tx, actor.get().id()));
        if (pem.isEmpty()) {
            return Optional.empty();
        }
        Key read = new Key(actor.get().uri() + "#main-key", Keys.privateKeyFromPem(pem.get()));
        key = read;
        return Optional.of(read);
    }
}
