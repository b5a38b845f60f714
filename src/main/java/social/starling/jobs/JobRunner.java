package social.starling.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.config.Config;
import social.starling.db.Database;
import social.starling.db.JobRepository;
import social.starling.db.Tx;

/**
 * Runs queued jobs on virtual threads: one claiming loop per lane, at most the lane's concurrency at once.
 *
 * <p>A claimed job is leased; a heartbeat renews the leases of running jobs, so a job whose runner dies (process
 * killed, node lost) becomes claimable again when its lease expires and another runner completes it. A job that
 * throws is retried with exponential backoff and jitter, and marked dead after its last attempt. A finished job is
 * deleted, so a completed job never runs again. Delivery is at-least-once: handlers must be idempotent.
 */
public final class JobRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final Database db;
    private final JobRepository repo;
    private final Clock clock;
    private final Config.Jobs config;
    private final String runnerId;
    private final LaneSignals signals;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    private final Map<String, Registered<?>> handlers = new ConcurrentHashMap<>();
    private final Map<Lane, Semaphore> permits = new EnumMap<>(Lane.class);
    private final Map<Long, Thread> running = new ConcurrentHashMap<>();
    private final Recurring recurring;
    private final java.util.List<Thread> loops = new java.util.ArrayList<>();
    private volatile boolean active;
    private volatile boolean killed;

    private record Registered<P>(JobType<P> type, JobHandler<P> handler) {
    }

    public JobRunner(Database db, JobRepository repo, JobQueue queue, Clock clock, Config.Jobs config,
                     String runnerId, LaneSignals signals, ObjectMapper json, MeterRegistry metrics) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
        this.config = config;
        this.runnerId = runnerId;
        this.signals = signals;
        this.json = json;
        this.metrics = metrics;
        permits.put(Lane.DEFAULT, new Semaphore(config.defaultConcurrency()));
        permits.put(Lane.FEEDS, new Semaphore(config.feedsConcurrency()));
        permits.put(Lane.DELIVERY, new Semaphore(config.deliveryConcurrency()));
        permits.put(Lane.INGRESS, new Semaphore(config.ingressConcurrency()));
        permits.put(Lane.PULL, new Semaphore(config.pullConcurrency()));
        this.recurring = new Recurring(db, queue, clock);
        register(Recurring.TYPE, recurring::run);
    }

    public String runnerId() {
        return runnerId;
    }

    public <P> void register(JobType<P> type, JobHandler<P> handler) {
        if (handlers.putIfAbsent(type.kind(), new Registered<>(type, handler)) != null) {
            throw new IllegalStateException("two handlers for job kind " + type.kind());
        }
    }

    /** Runs {@code task} every {@code interval}, once across all nodes sharing the database. */
    public void every(String name, Duration interval, Runnable task) {
        recurring.add(name, interval, task);
    }

    public synchronized void start() {
        if (active) {
            return;
        }
        active = true;
        reclaimFromEarlierRunners();
        recurring.schedule();
        for (Lane lane : Lane.values()) {
            loops.add(Thread.ofVirtual().name("jobs-" + lane.wireName()).start(() -> claimLoop(lane)));
        }
        loops.add(Thread.ofVirtual().name("jobs-heartbeat").start(this::heartbeatLoop));
        log.info("job runner {} started", runnerId);
    }

    /**
     * Runner ids start with the node ({@code node<N>-}, see {@code Core}); node ids are distinct per node sharing a
     * database. Jobs still marked running by another runner of this node belong to a process that died (kill -9,
     * power loss): they are queued again now. Other nodes' dead runners are noticed when their leases, renewed
     * every third of the lease while alive, run out.
     */
    private void reclaimFromEarlierRunners() {
        int dash = runnerId.indexOf('-');
        if (!runnerId.startsWith("node") || dash < 0) {
            return;
        }
        String prefix = runnerId.substring(0, dash + 1);
        int reclaimed = db.inTransaction(tx -> repo.releaseEarlierRunners(tx, prefix, runnerId, clock.instant()));
        if (reclaimed > 0) {
            log.info("took back {} jobs an earlier process of this node had claimed", reclaimed);
        }
    }

    /**
     * After a claim found the database unavailable (SQLite locked by another process, or no PostgreSQL connection),
     * every lane waits this long before claiming again. Claims do not wait for SQLite's lock
     * ({@link Database#inTransactionIfFree}): SQLite's one writer connection stays for the requests, which answer 503
     * after one busy timeout while the lock lasts.
     */
    static final Duration UNAVAILABLE_PAUSE = Duration.ofSeconds(5);
    private volatile long claimsPausedUntil = System.nanoTime();

    private void claimLoop(Lane lane) {
        Semaphore free = permits.get(lane);
        while (active) {
            try {
                long paused = claimsPausedUntil - System.nanoTime();
                if (paused > 0) {
                    Thread.sleep(Duration.ofNanos(paused));
                    continue;
                }
                int available = free.availablePermits();
                int claimed = available > 0 ? claimAndRun(lane, available) : 0;
                // Fewer claimed than free slots: nothing else is due. All slots taken: a finishing job wakes us.
                signals.await(lane, idleWait(lane, available == 0 || claimed == available));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!active) {
                    return;
                }
                log.warn("claiming {} jobs failed: {}", lane.wireName(), e.toString());
                if (e instanceof social.starling.errors.UnavailableException) {
                    claimsPausedUntil = System.nanoTime() + UNAVAILABLE_PAUSE.toNanos();
                }
                sleepQuietly(config.pollInterval());
            }
        }
    }

    private int claimAndRun(Lane lane, int limit) throws InterruptedException {
        Instant now = clock.instant();
        List<JobRepository.Row> rows = db.inTransactionIfFree(tx ->
                repo.claim(tx, lane.wireName(), limit, runnerId, now, now.plus(config.lease())));
        for (JobRepository.Row row : rows) {
            permits.get(lane).acquire();
            Thread t = Thread.ofVirtual().name("job-" + row.kind() + "-" + row.id()).unstarted(() -> {
                try {
                    execute(row);
                } finally {
                    running.remove(row.id());
                    permits.get(lane).release();
                    signals.wake(lane);
                }
            });
            running.put(row.id(), t);
            t.start();
        }
        return rows.size();
    }

    /** How long an idle lane sleeps: until its next scheduled job, at most the poll interval. */
    private Duration idleWait(Lane lane, boolean full) {
        if (full) {
            return config.pollInterval();
        }
        Instant now = clock.instant();
        return db.read(tx -> repo.nextRunAt(tx, lane.wireName()))
                .map(next -> Duration.between(now, next))
                .filter(d -> d.compareTo(config.pollInterval()) < 0)
                .map(d -> d.isNegative() ? Duration.ofMillis(1) : d)
                .orElse(config.pollInterval());
    }

    @SuppressWarnings("unchecked")
    private void execute(JobRepository.Row row) {
        Registered<Object> registered = (Registered<Object>) handlers.get(row.kind());
        Timer.Sample sample = Timer.start(metrics);
        String outcome;
        try {
            if (registered == null) {
                throw new IllegalStateException("no handler for job kind " + row.kind());
            }
            Object payload = json.readValue(row.payload(), registered.type().payloadType());
            JobContext context = new JobContext(row.id(), row.attempts(), row.maxAttempts());
            context.completer(tx -> complete(tx, row, context));
            registered.handler().handle(payload, context);
            if (killed) {
                return;
            }
            Instant now = clock.instant();
            boolean held = context.completedInWork() ? context.heldAtCompletion()
                    : db.inTransaction(tx -> settle(tx, row, context, now));
            if (!held) {
                log.warn("job {} {} finished after its lease passed to another runner", row.kind(), row.id());
            }
            outcome = "completed";
        } catch (Throwable e) {
            if (killed) {
                return;
            }
            if (!active && e instanceof InterruptedException) {
                return; // released on shutdown, not a failure
            }
            try {
                outcome = fail(row, registered, e);
            } catch (RuntimeException unrecorded) {
                // The database is unavailable: the job stays claimed until its lease runs out, then runs again.
                log.warn("job {} {} failed and its failure could not be recorded ({}); it runs again after its lease",
                        row.kind(), row.id(), unrecorded.toString());
                outcome = "failed";
            }
        }
        sample.stop(metrics.timer("starling.jobs.duration", "kind", row.kind(), "outcome", outcome));
    }

    private boolean settle(Tx tx, JobRepository.Row row, JobContext context, Instant now) {
        if (context.deferTo().isPresent()) {
            return repo.defer(tx, row.id(), runnerId, context.deferTo().get(), now);
        }
        if (context.retryAt().isPresent()) {
            return repo.retry(tx, row.id(), runnerId, context.retryAt().get(), context.retryError(), now);
        }
        if (context.runAgainAt().isPresent()) {
            return repo.reschedule(tx, row.id(), runnerId, context.runAgainAt().get(), now);
        }
        return complete(tx, row, context);
    }

    private boolean complete(Tx tx, JobRepository.Row row, JobContext context) {
        boolean done = repo.complete(tx, row.id(), runnerId);
        if (done) {
            context.onComplete().ifPresent(action -> action.accept(tx));
        }
        return done;
    }

    private String fail(JobRepository.Row row, Registered<?> registered, Throwable e) {
        Instant now = clock.instant();
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (row.attempts() >= row.maxAttempts()) {
            log.warn("job {} {} is dead after {} attempts: {}", row.kind(), row.id(), row.attempts(), error);
            db.inTransaction(tx -> repo.markDead(tx, row.id(), runnerId, error, now));
            return "dead";
        }
        Duration delay = registered == null
                ? Duration.ofMinutes(1)
                : backoff(registered.type(), row.attempts());
        log.info("job {} {} failed (attempt {}/{}), retry in {}s: {}", row.kind(), row.id(), row.attempts(),
                row.maxAttempts(), delay.toSeconds(), error);
        db.inTransaction(tx -> repo.retry(tx, row.id(), runnerId, now.plus(delay), error, now));
        return "failed";
    }

    /** {@code base * 2^(attempt-1)}, capped, with ±20 % jitter so retries of a burst spread out. */
    static Duration backoff(JobType<?> type, int attempt) {
        long base = type.backoffBase().toMillis();
        long exp = base << Math.min(30, Math.max(0, attempt - 1));
        long capped = Math.min(exp < 0 ? Long.MAX_VALUE : exp, type.backoffCap().toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }

    private void heartbeatLoop() {
        Duration every = config.lease().dividedBy(3);
        while (active) {
            try {
                Thread.sleep(Math.max(10, every.toMillis()));
                if (!running.isEmpty() && active) {
                    Instant until = clock.instant().plus(config.lease());
                    db.inTransaction(tx -> repo.extendLeases(tx, running.keySet(), runnerId, until));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("renewing job leases failed: {}", e.toString());
            }
        }
    }

    /** Stops claiming, lets running jobs finish for up to {@code grace}, then hands the rest back to the queue. */
    public synchronized void stop(Duration grace) {
        if (!active) {
            return;
        }
        active = false;
        loops.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + grace.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            sleepQuietly(Duration.ofMillis(20));
        }
        var unfinished = List.copyOf(running.keySet());
        running.values().forEach(Thread::interrupt);
        if (!unfinished.isEmpty()) {
            try {
                db.inTransaction(tx -> repo.release(tx, unfinished, runnerId, clock.instant()));
            } catch (RuntimeException e) {
                log.warn("could not hand back {} jobs; their leases will expire: {}", unfinished.size(), e.toString());
            }
        }
        log.info("job runner {} stopped", runnerId);
    }

    /** Abandons everything as a crashed process would: no further writes; leases expire on their own. */
    public synchronized void kill() {
        killed = true;
        active = false;
        loops.forEach(Thread::interrupt);
        running.values().forEach(Thread::interrupt);
    }

    public int runningCount() {
        return running.size();
    }

    private static void sleepQuietly(Duration d) {
        try {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
