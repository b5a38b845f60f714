package social.starling.federation;

import java.net.URI;
import java.security.PrivateKey;
import java.util.Map;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.federation.fetch.RequestSigner;
import social.starling.federation.signature.HttpSigner;
import social.starling.federation.signature.Keys;
import social.starling.model.Account;
import social.starling.service.account.GenerateAccountKeysService;
import social.starling.service.account.InstanceActorService;

/**
 * Signs the server's own outbound requests (fetching an actor, a key, a note for nobody in particular) as the
 * instance actor, {@code <base>/actor#main-key}, as Mastodon does since 3.0 (app/lib/request.rb signs with
 * {@code Account.representative}): servers in authorized-fetch mode answer unsigned GETs with 401, and they can
 * always verify this key, since every server serves its instance actor unsigned. The key is read once, on first
 * use (the instance actor and its key are made at start-up, or here if the key job has not run yet).
 */
public final class InstanceActorSigner implements RequestSigner {
    private record SigningKey(String keyId, PrivateKey key) {
    }

    private final Database db;
    private final AccountRepository accounts;
    private final InstanceActorService instanceActor;
    private final GenerateAccountKeysService keys;
    private final HttpSigner signer;
    private volatile SigningKey signingKey;

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
        SigningKey k = key();
        return signer.sign(method, target, Map.of(), body, k.keyId(), k.key());
    }

    /** The instance actor's key id, {@code <base>/actor#main-key}. */
    public String keyId() {
        return key().keyId();
    }

    private SigningKey key() {
        SigningKey k = signingKey;
        if (k != null) {
            return k;
        }
        synchronized (this) {
            if (signingKey == null) {
                Account actor = instanceActor.ensure();
                keys.generate(actor.id());
                String pem = db.read(tx -> accounts.privateKey(tx, actor.id())).orElseThrow(
                        () -> new IllegalStateException("the instance actor has no private key"));
                signingKey = new SigningKey(actor.uri() + "#main-key", Keys.privateKeyFromPem(pem));
            }
            return signingKey;
        }
    }
}
