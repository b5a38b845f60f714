package social.starling.service.push;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import social.starling.db.Database;
import social.starling.db.PushSubscriptionRepository;
import social.starling.db.PushSubscriptionRepository.StoredVapidKey;

/**
 * The server's VAPID key pair (RFC 8292): made on first need and stored in the database, so every node signs with
 * the same key and the key survives restarts (apps compare it with the {@code server_key} they subscribed under).
 * Two nodes making it at once both insert-if-absent and read back, so they end up with the one stored.
 */
public final class VapidKeys {
    /** The key: the uncompressed public point (base64url, no padding) and the private key. */
    public record Key(String publicKey, byte[] publicPoint, ECPrivateKey privateKey) {
    }

    private final Database db;
    private final PushSubscriptionRepository repo;
    private final Clock clock;
    private volatile Key key;

    public VapidKeys(Database db, PushSubscriptionRepository repo, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
    }

    /** The public key as Mastodon shows it ({@code configuration.vapid.public_key}, {@code server_key}). */
    public String publicKey() {
        return key().publicKey();
    }

    public Key key() {
        Key k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private Key load() {
        StoredVapidKey stored = db.read(repo::vapidKey).orElseGet(() -> {
            KeyPair pair = P256.generate();
            StoredVapidKey fresh = new StoredVapidKey(P256.base64Url(P256.encode(pair.getPublic())),
                    P256.base64Url(P256.encode(pair.getPrivate())));
            return db.inTransaction(tx -> {
                repo.insertVapidKeyIfAbsent(tx, fresh, clock.instant());
                return repo.vapidKey(tx).orElseThrow();
            });
        });
        try {
            return new Key(stored.publicKey(), P256.decodeBase64(stored.publicKey()),
                    P256.privateKey(P256.decodeBase64(stored.privateKey())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored VAPID key cannot be read", e);
        }
    }
}
