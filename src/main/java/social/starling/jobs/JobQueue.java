package social.starling.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import social.starling.db.JobRepository;
import social.starling.db.Tx;
import social.starling.model.IdGenerator;

/**
 * Enqueues jobs inside the caller's transaction: the job commits with the data it is about, or not at all. Never
 * "insert, then push to memory": a crash between the two would lose the work.
 */
public final class JobQueue {
    private final JobRepository jobs;
    private final IdGenerator ids;
    private final Clock clock;
    private final ObjectMapper json;
    private final LaneSignals signals;

    public JobQueue(JobRepository jobs, IdGenerator ids, Clock clock, ObjectMapper json, LaneSignals signals) {
        this.jobs = jobs;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.signals = signals;
    }

    public <P> long enqueue(Tx tx, JobType<P> type, P payload) {
        return enqueueAt(tx, type, payload, clock.instant());
    }

    public <P> long enqueueAt(Tx tx, JobType<P> type, P payload, Instant runAt) {
        long id = ids.next();
        jobs.insert(tx, id, type.lane().wireName(), type.kind(), encode(payload), runAt, type.maxAttempts(),
                clock.instant());
        wakeAfterCommit(tx, type.lane(), runAt);
        return id;
    }

    /** Enqueues unless a job with the same {@code uniqueKey} is waiting or running; returns whether it did. */
    public <P> boolean enqueueUnique(Tx tx, JobType<P> type, P payload, String uniqueKey, Instant runAt) {
        boolean inserted = jobs.insertUnique(tx, ids.next(), type.lane().wireName(), type.kind(), encode(payload),
                runAt, type.maxAttempts(), uniqueKey, clock.instant());
        if (inserted) {
            wakeAfterCommit(tx, type.lane(), runAt);
        }
        return inserted;
    }

    private void wakeAfterCommit(Tx tx, Lane lane, Instant runAt) {
        if (!runAt.isAfter(clock.instant())) {
            tx.afterCommit(() -> signals.wake(lane));
        }
    }

    private String encode(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("job payload cannot be written as JSON: " + payload, e);
        }
    }
}
