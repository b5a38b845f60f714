package social.starling.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.Database;

/**
 * Recurring work (cleanups) on the same job table: each task is one long-lived job with the unique key
 * {@code recurring:<name>}, so however many nodes run, one instance of each task is waiting or running. After each
 * run, successful or not, the same row is rescheduled one interval later; a recurring job never goes dead.
 */
final class Recurring {
    private static final Logger log = LoggerFactory.getLogger(Recurring.class);

    record Payload(String name) {
    }

    static final JobType<Payload> TYPE = JobType.of("recurring", Lane.DEFAULT, Payload.class)
            .withRetries(Integer.MAX_VALUE, Duration.ofMinutes(1), Duration.ofMinutes(1));

    private record Task(Duration interval, Runnable action) {
    }

    private final Database db;
    private final JobQueue queue;
    private final Clock clock;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();

    Recurring(Database db, JobQueue queue, Clock clock) {
        this.db = db;
        this.queue = queue;
        this.clock = clock;
    }

    void add(String name, Duration interval, Runnable action) {
        tasks.put(name, new Task(interval, action));
    }

    /** Makes sure each task has its job; a new task first runs after min(interval, 1 minute). */
    void schedule() {
        if (tasks.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            tasks.forEach((name, task) -> queue.enqueueUnique(tx, TYPE, new Payload(name), "recurring:" + name,
                    now.plus(task.interval().compareTo(Duration.ofMinutes(1)) < 0 ? task.interval()
                            : Duration.ofMinutes(1))));
            return null;
        });
    }

    void run(Payload payload, JobContext context) {
        Task task = tasks.get(payload.name());
        if (task == null) {
            log.info("recurring task {} is no longer defined; dropping it", payload.name());
            return;
        }
        try {
            task.action().run();
        } catch (RuntimeException e) {
            log.warn("recurring task {} failed: {}", payload.name(), e.toString());
        }
        context.runAgainAt(clock.instant().plus(task.interval()));
    }
}
