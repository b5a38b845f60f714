package social.starling.service.status;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.Database;
import social.starling.db.StatusRepository;
import social.starling.jobs.JobContext;
import social.starling.jobs.JobType;
import social.starling.jobs.Lane;
import social.starling.model.Status;

/**
 * The {@code status.fetch_ancestors} job (PULL lane): a remote thread opened by someone here whose top stored status
 * answers a parent Starling does not have ({@code in_reply_to_uri}) gets its missing ancestors fetched. Queued by
 * {@link StatusContextService} (once per status while one is waiting), so the thread is complete the next time it is
 * opened rather than in the request that found the gap. Each resolution stores up to five ancestors (the
 * fetcher's own bound, see federation/note); the job walks on at most {@link #ROUNDS} times, so one thread costs at
 * most ~20 fetches. A parent that cannot be had ends the walk; the job never fails for it.
 */
public final class ThreadBackfillService {
    private static final Logger log = LoggerFactory.getLogger(ThreadBackfillService.class);

    public static final JobType<StatusJobs.StatusPayload> JOB = JobType.of("status.fetch_ancestors", Lane.PULL,
            StatusJobs.StatusPayload.class).withRetries(1, Duration.ofMinutes(1), Duration.ofMinutes(1));
    /**
     * The {@code status.fetch_replies} job (PULL lane): the replies a remote status's own server lists (its
     * {@code replies} collection) that Starling does not have are fetched and stored, at most
     * {@link #REPLIES_PER_CRAWL}, so a thread opened here shows the conversation, not only the part that reached us.
     */
    public static final JobType<StatusJobs.StatusPayload> REPLIES_JOB = JobType.of("status.fetch_replies", Lane.PULL,
            StatusJobs.StatusPayload.class).withRetries(1, Duration.ofMinutes(1), Duration.ofMinutes(1));
    static final int REPLIES_PER_CRAWL = 40;
    static final int ROUNDS = 4;
    static final int WALK_LIMIT = 100;

    private final Database db;
    private final StatusRepository statuses;
    private final RemoteStatuses remote;

    public ThreadBackfillService(Database db, StatusRepository statuses, RemoteStatuses remote) {
        this.db = db;
        this.statuses = statuses;
        this.remote = remote;
    }

    public void handle(StatusJobs.StatusPayload payload, JobContext context) {
        long top = payload.statusId();
        for (int round = 0; round < ROUNDS; round++) {
            long current = top;
            Optional<String> pending = db.read(tx -> statuses.inReplyToUri(tx, current));
            if (pending.isEmpty()) {
                return;
            }
            if (remote.resolve(pending.get()).isEmpty()) {
                log.debug("the parent {} of status {} cannot be had", pending.get(), top);
                return;
            }
            top = topOf(top);
        }
    }

    public void fetchReplies(StatusJobs.StatusPayload payload, JobContext context) {
        Optional<Status> status = db.read(tx -> statuses.find(tx, payload.statusId()));
        if (status.isEmpty() || status.get().local()) {
            return;
        }
        int stored = 0;
        for (String id : remote.replyIds(status.get().uri(), REPLIES_PER_CRAWL)) {
            if (db.read(tx -> statuses.findByUri(tx, id)).isEmpty() && remote.resolve(id).isPresent()) {
                stored++;
            }
        }
        log.debug("replies of {}: {} fetched", status.get().uri(), stored);
    }

    /** The oldest stored ancestor of {@code id} (itself when it has none). */
    private long topOf(long id) {
        return db.read(tx -> {
            long at = id;
            for (int i = 0; i < WALK_LIMIT; i++) {
                Optional<Status> s = statuses.find(tx, at);
                if (s.isEmpty() || s.get().inReplyToId() == null) {
                    return at;
                }
                at = s.get().inReplyToId();
            }
            return at;
        });
    }
}
