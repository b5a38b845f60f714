package social.starling.service.account;

import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.text.MentionResolver;
import social.starling.text.MentionedAccount;

/** Resolves typed mentions to accounts this server already knows (no remote fetch). */
public final class LocalMentionResolver implements MentionResolver {
    private final Database db;
    private final AccountRepository accounts;
    private final String localHost;

    public LocalMentionResolver(Database db, AccountRepository accounts, String localHost) {
        this.db = db;
        this.accounts = accounts;
        this.localHost = localHost;
    }

    @Override
    public Optional<MentionedAccount> resolve(String username, String domain) {
        String d = domain == null || domain.equalsIgnoreCase(localHost) ? null : domain;
        return db.read(tx -> accounts.findByUsername(tx, username, d))
                .filter(a -> !a.suspended())
                .map(a -> new MentionedAccount(a.username(), a.domain(), a.url() != null ? a.url() : a.uri()));
    }
}
