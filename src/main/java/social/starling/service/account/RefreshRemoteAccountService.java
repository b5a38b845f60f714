package social.starling.service.account;

import java.time.Clock;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.jobs.JobContext;
import social.starling.jobs.JobQueue;
import social.starling.jobs.JobType;
import social.starling.jobs.Lane;
import social.starling.model.Account;

/**
 * Keeps remote accounts that people look at current: showing one stored more than
 * {@link ResolveAccountService#FRESH} ago queues a refresh in the PULL lane (one at a time per account, through
 * the job's unique key), which resolves it again by its handle (WebFinger, then the actor). Mastodon schedules the
 * same refresh ({@code Account#schedule_refresh_if_stale!} → AccountRefreshWorker → ResolveAccountService) when an
 * account's activities arrive and it is a week old; Starling's inbox can call {@link #scheduleIfStale} the same way.
 * The request that showed the account answers with what is stored, at once.
 */
public final class RefreshRemoteAccountService {
    public record Payload(long accountId) {
    }

    public static final JobType<Payload> JOB = JobType.of("account.refresh", Lane.PULL, Payload.class);

    private final Database db;
    private final AccountRepository accounts;
    private final JobQueue jobs;
    private final ResolveAccountService resolve;
    private final Clock clock;

    public RefreshRemoteAccountService(Database db, AccountRepository accounts, JobQueue jobs,
                                       ResolveAccountService resolve, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.jobs = jobs;
        this.resolve = resolve;
        this.clock = clock;
    }

    /** Queues a refresh of {@code account} when it is remote and stale; returns whether a job was queued. */
    public boolean scheduleIfStale(Account account) {
        if (account.isLocal() || !stale(account)) {
            return false;
        }
        return db.inTransaction(tx -> jobs.enqueueUnique(tx, JOB, new Payload(account.id()),
                "account.refresh:" + account.id(), clock.instant()));
    }

    /** Job entry point: resolves the account again unless it is gone, local or was refreshed meanwhile. */
    public void handle(Payload payload, JobContext context) {
        Optional<Account> account = db.read(tx -> accounts.find(tx, payload.accountId()));
        if (account.isEmpty() || account.get().isLocal() || !stale(account.get())) {
            return;
        }
        resolve.resolve(account.get().acct());
    }

    private boolean stale(Account a) {
        return a.updatedAt() == null || !a.updatedAt().isAfter(clock.instant().minus(ResolveAccountService.FRESH));
    }
}
