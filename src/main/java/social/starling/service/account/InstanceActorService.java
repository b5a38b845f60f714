package social.starling.service.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.model.Account;
import social.starling.model.IdGenerator;

/**
 * The server's own actor (Mastodon's "instance actor"): an {@code Application} named after the domain, at
 * {@code /actor}, which signs requests the server makes on its own behalf (fetching a remote object for nobody in
 * particular). Created once, on the first start; hidden from account lookups.
 */
public final class InstanceActorService {
    private final Database db;
    private final AccountRepository accounts;
    private final AccountWriter writer;
    private final IdGenerator ids;
    private final String baseUrl;
    private final String host;
    private final Clock clock;

    public InstanceActorService(Database db, AccountRepository accounts, AccountWriter writer, IdGenerator ids,
                                String baseUrl, String host, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.writer = writer;
        this.ids = ids;
        this.baseUrl = baseUrl;
        this.host = host;
        this.clock = clock;
    }

    /**
     * Finds or creates the instance actor. A database whose instance actor lives under another base URL was made
     * for another domain (every local URI embeds it, so it cannot simply be served under a new one): that is a
     * configuration error, said in one line with the way out, instead of a constraint failure further on.
     */
    public Account ensure() {
        Optional<Account> existing = find();
        if (existing.isPresent()) {
            return existing.get();
        }
        for (Account other : db.read(tx -> accounts.localApplications(tx))) {
            if (other.uri().endsWith("/actor") && !other.uri().equals(baseUrl + "/actor")) {
                String base = other.uri().substring(0, other.uri().length() - "/actor".length());
                String domain = base.replaceFirst("^https?://", "");
                throw new DataDirectoryDomainException("this data directory belongs to " + domain + " (" + base
                        + "), not to " + baseUrl.replaceFirst("^https?://", "") + ": run it with STARLING_DOMAIN="
                        + domain + (domain.startsWith("localhost:") ? " (or STARLING_PORT="
                        + domain.substring("localhost:".length()) + ")" : "")
                        + ", or use another STARLING_DATA_DIR for a new server");
            }
        }
        return db.inTransaction(tx -> {
            Instant now = clock.instant();
            Account actor = new Account(ids.next(), host, null, "", "", "", List.of(), baseUrl + "/actor",
                    baseUrl + "/about/more?instance_actor=true", baseUrl + "/actor/inbox", baseUrl + "/inbox",
                    baseUrl + "/actor/outbox", null, null, null, "Application", true, false, false, true, false,
                    null, null, null, null, null, 0, 0, 0, null, null, null, now, now);
            return writer.createLocal(tx, actor);
        });
    }

    public Optional<Account> find() {
        return db.read(tx -> accounts.findByUri(tx, baseUrl + "/actor"));
    }
}
