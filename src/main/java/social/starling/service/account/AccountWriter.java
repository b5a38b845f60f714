package social.starling.service.account;

import java.time.Instant;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Tx;
import social.starling.jobs.JobQueue;
import social.starling.model.Account;
import social.starling.service.moderation.DomainPolicy;
import social.starling.service.outbox.Outbox;

/**
 * The one write path for accounts, local and remote, in the caller's transaction: a local account is inserted with
 * the job that makes its key pair; a remote actor is inserted the first time it is seen and updated from its actor
 * document after that (matched by its URI); a local profile change is written. Every change tells
 * {@link AccountChanges} after commit, so caches on every node forget the old copy. Checks (who may change what,
 * whether a fetched document may speak for that URI) belong to the callers, at the edge.
 */
public final class AccountWriter {
    private final AccountRepository accounts;
    private final JobQueue jobs;
    private final AccountChanges changes;
    private final Outbox outbox;
    private final DomainPolicy domains;

    /** {@code domains}: a remote account first seen on a silenced or suspended domain is stored silenced or suspended. */
    public AccountWriter(AccountRepository accounts, JobQueue jobs, AccountChanges changes, Outbox outbox,
                         DomainPolicy domains) {
        this.domains = domains;
        this.accounts = accounts;
        this.jobs = jobs;
        this.changes = changes;
        this.outbox = outbox;
    }

    /**
     * A new local account (a person, or the instance actor); its keys are made by a job after commit, as spare CPU
     * work (later in a sign-up storm), or at once by whoever needs them first.
     */
    public Account createLocal(Tx tx, Account account) {
        if (!account.isLocal()) {
            throw new IllegalArgumentException("not a local account: " + account.acct());
        }
        accounts.insert(tx, account, null);
        jobs.enqueue(tx, GenerateAccountKeysService.JOB, new GenerateAccountKeysService.Payload(account.id()));
        return account;
    }

    /**
     * Inserts or updates a remote actor by its URI. On update the stored id, counters and moderation state are kept
     * and what the actor says of itself is taken from {@code seen}.
     */
    public Account upsertRemote(Tx tx, Account seen, Instant now) {
        if (seen.isLocal()) {
            throw new IllegalArgumentException("not a remote account: " + seen.uri());
        }
        Optional<Account> existing = accounts.findByUri(tx, seen.uri());
        if (existing.isEmpty()) {
            accounts.insert(tx, seen, null);
            // Marked with the block's created_at, so that lifting the block clears it (DomainModerationService).
            var block = domains.blockFor(seen.domain()).filter(b -> b.silences() || b.suspends());
            if (block.isPresent()) {
                accounts.mark(tx, seen.id(), block.get().suspends(), block.get().createdAt());
                return accounts.require(tx, seen.id());
            }
            return seen;
        }
        Account e = existing.get();
        Account merged = new Account(e.id(), seen.username(), e.domain(), seen.displayName(), seen.note(), "",
                seen.fields(), e.uri(), seen.url(), seen.inboxUri(), seen.sharedInboxUri(), seen.outboxUri(),
                seen.followersUri(), seen.followingUri(), seen.featuredUri(), seen.actorType(), seen.locked(),
                seen.discoverable(), seen.indexable(), seen.hideCollections(), seen.memorial(), e.avatarFile(),
                seen.avatarRemoteUrl(), e.headerFile(), seen.headerRemoteUrl(), seen.publicKey(),
                e.followersCount(), e.followingCount(), e.statusesCount(), e.lastStatusAt(), e.suspendedAt(),
                e.silencedAt(), e.createdAt(), now);
        accounts.updateRemote(tx, merged);
        changes.changed(tx, e.id());
        return merged;
    }

    /** A local account's profile (texts, fields, flags, image files) as its owner changed it. */
    public void updateProfile(Tx tx, Account account) {
        accounts.updateProfile(tx, account);
        changes.changed(tx, account.id());
        outbox.profileUpdated(tx, account);
    }
}
