package social.starling.service.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.model.Account;

/**
 * Deletes the data of accounts suspended more than 30 days ago (Mastodon's SuspendedUserCleanupScheduler), run
 * hourly. A local account is deleted with everything it owns (its Delete was federated at suspension); a remote
 * one is emptied (follows, favourites, statuses) and its row kept suspended, so it is not fetched again as new.
 * Unsuspending within the 30 days restores everything, since nothing was deleted before. The moderators' delete
 * ({@code DELETE /api/v1/admin/accounts/:id}) purges one suspended account at once.
 */
public final class SuspensionPurgeService {
    public static final Duration RETENTION = Duration.ofDays(30);
    private static final int BATCH = 100;

    private final Database db;
    private final AccountRepository accounts;
    private final LongConsumer deleteRemote;
    private final Clock clock;

    /** {@code deleteRemote}: empties a remote account (DeleteRemoteAccountService#delete). */
    public SuspensionPurgeService(Database db, AccountRepository accounts, LongConsumer deleteRemote, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.deleteRemote = deleteRemote;
        this.clock = clock;
    }

    /** Purges every account whose suspension is older than 30 days; returns how many. */
    public int sweep() {
        Instant cutoff = clock.instant().minus(RETENTION);
        int done = 0;
        List<Long> batch;
        do {
            batch = db.read(tx -> accounts.suspendedUnpurgedBefore(tx, cutoff, BATCH));
            for (long id : batch) {
                purge(id);
                done++;
            }
        } while (batch.size() == BATCH);
        return done;
    }

    /** Deletes a suspended account's data now. */
    public void purge(long accountId) {
        Account a = db.read(tx -> accounts.find(tx, accountId)).orElse(null);
        if (a == null || !a.suspended()) {
            return;
        }
        if (a.isLocal()) {
            db.inTransaction(tx -> {
                accounts.delete(tx, accountId);
                return null;
            });
            return;
        }
        deleteRemote.accept(accountId);
        db.inTransaction(tx -> {
            accounts.markPurged(tx, accountId, clock.instant());
            return null;
        });
    }
}
