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

    public Account ensure() {
        Optional<Account> existing = find();
        if (existing.isPresent()) {
            return existing.get();
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
