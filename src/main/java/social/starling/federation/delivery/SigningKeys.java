package social.starling.federation.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.federation.signature.Keys;
import social.starling.model.Account;
import social.starling.model.LocalUris;
import social.starling.service.account.GenerateAccountKeysService;

/**
 * The key a local account signs its deliveries with: {@code <actor>#main-key} and the RSA private key, read once
 * and kept for a while (a busy sender signs hundreds of deliveries in a row). An account whose key job has not run
 * yet gets its key made now, as an actor fetch would.
 */
public final class SigningKeys {
    public record SigningKey(String keyId, PrivateKey key) {
    }

    private final Database db;
    private final AccountRepository accounts;
    private final GenerateAccountKeysService generate;
    private final LocalUris uris;
    private final Cache<Long, SigningKey> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    public SigningKeys(Database db, AccountRepository accounts, GenerateAccountKeysService generate, LocalUris uris) {
        this.db = db;
        this.accounts = accounts;
        this.generate = generate;
        this.uris = uris;
    }

    /** Empty when the account is gone or not local. */
    public Optional<SigningKey> of(long accountId) {
        SigningKey cached = cache.getIfPresent(accountId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SigningKey> loaded = load(accountId);
        if (loaded.isEmpty() && db.read(tx -> accounts.find(tx, accountId)).filter(Account::isLocal).isPresent()) {
            generate.generate(accountId);
            loaded = load(accountId);
        }
        loaded.ifPresent(k -> cache.put(accountId, k));
        return loaded;
    }

    private Optional<SigningKey> load(long accountId) {
        return db.read(tx -> accounts.find(tx, accountId).filter(Account::isLocal).flatMap(a ->
                accounts.privateKey(tx, accountId).map(pem -> new SigningKey(keyId(a), Keys.privateKeyFromPem(pem)))));
    }

    private String keyId(Account a) {
        return "Application".equals(a.actorType()) ? uris.baseUrl() + "/actor#main-key" : uris.keyId(a.username());
    }
}
