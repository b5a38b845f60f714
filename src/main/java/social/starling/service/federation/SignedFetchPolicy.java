package social.starling.service.federation;

import java.time.Clock;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.RelationshipRepository;
import social.starling.model.Account;
import social.starling.service.visibility.Relations;
import social.starling.service.visibility.RelationsCache;

/**
 * What a signed fetch may see (authorized fetch): who signed, and whether the owner of what was asked for shuts
 * them out. As Mastodon: a status's author blocking the signer, or the signer's domain, hides the status
 * (StatusPolicy#show?, a 404); the outbox and featured collections show such a signer no items
 * (AccountStatusesFilter, ActivityPub::CollectionsController). The actor itself and its follow collections are
 * served to them as to anyone signed.
 */
public final class SignedFetchPolicy {
    private final Database db;
    private final AccountRepository accounts;
    private final RelationshipRepository relationships;
    private final Clock clock;

    public SignedFetchPolicy(Database db, AccountRepository accounts, RelationshipRepository relationships,
                             Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.relationships = relationships;
        this.clock = clock;
    }

    /** The stored account of the actor whose key signed (the key resolver stored it). */
    public Optional<Account> signer(String actorUri) {
        return db.read(tx -> accounts.findByUri(tx, actorUri));
    }

    /** Whether {@code ownerId} blocks {@code signer} or the signer's domain. */
    public boolean refuses(long ownerId, Account signer) {
        Relations owner = db.read(tx -> RelationsCache.load(tx, relationships, ownerId, clock.instant()));
        return owner.blocking().contains(signer.id()) || (!signer.isLocal() && owner.blocksDomain(signer.domain()));
    }
}
