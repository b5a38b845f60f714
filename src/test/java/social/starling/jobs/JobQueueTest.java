package social.starling.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.App;
import social.starling.config.Config;
import social.starling.db.JobRepository;
import social.starling.db.TestSql;
import social.starling.testing.TestApp;

/**
 * The durable job queue against the real database (SQLite, or PostgreSQL in the second pass): jobs commit with
 * the caller's transaction, run once they commit, retry with backoff, survive a runner dying mid-job, and are
 * shared by several runners without duplicates.
 */
class JobQueueTest {
    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_JOBS_ENABLED", "false")
            .with("STARLING_JOBS_LEASE_SECONDS", "1");

    record Work(int n) {
    }

    static final JobType<Work> WORK = JobType.of("test.work", Lane.DEFAULT, Work.class)
            .withRetries(3, Duration.ofMillis(20), Duration.ofMillis(50));

    private final Map<Long, AtomicInteger> starts = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> completions = new ConcurrentHashMap<>();
    private final List<JobRunner> runners = new ArrayList<>();
    private App app;

    @BeforeEach
    void clean() {
        app = server.app();
        app.core().db().inTransaction(tx -> TestSql.dsl(tx).deleteFrom(social.starling.db.schema.Tables.JOBS).execute());
    }

    @AfterEach
    void stopRunners() {
        runners.forEach(r -> r.stop(Duration.ofSeconds(2)));
    }

    private JobRunner runner(String id, JobHandler<Work> handler) {
        return runner(id, handler, Duration.ofSeconds(1));
    }

    private JobRunner runner(String id, JobHandler<Work> handler, Duration lease) {
        Config.Jobs config = new Config.Jobs(true, 8, 8, 4, 4, 2, lease, Duration.ofMillis(50));
        JobRunner runner = new JobRunner(app.core().db(), app.core().jobRepository(), app.core().jobs(), Clock.systemUTC(), config, id,
                app.core().laneSignals(), app.core().json(), app.core().metrics());
        runner.register(WORK, handler);
        runners.add(runner);
        return runner;
    }

    private JobHandler<Work> counting() {
        return (work, ctx) -> {
            starts.computeIfAbsent(ctx.jobId(), k -> new AtomicInteger()).incrementAndGet();
            completions.computeIfAbsent(ctx.jobId(), k -> new AtomicInteger()).incrementAndGet();
        };
    }

    private int jobsLeft() {
        return app.core().db().read(tx -> app.core().jobRepository().count(tx));
    }

    private List<Long> enqueue(int count) {
        return app.core().db().inTransaction(tx -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(app.core().jobs().enqueue(tx, WORK, new Work(i)));
            }
            return ids;
        });
    }

    @Test
    void jobsEnqueuedInARolledBackTransactionNeverRun() throws Exception {
        runner("r1", counting()).start();
        assertThatThrownBy(() -> app.core().db().inTransaction(tx -> {
            for (int i = 0; i < 5; i++) {
                app.core().jobs().enqueue(tx, WORK, new Work(i));
            }
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        Thread.sleep(500);
        assertThat(jobsLeft()).isZero();
        assertThat(starts).isEmpty();
    }

    @Test
    void jobsEnqueuedInACommittedTransactionAllRunOnce() {
        runner("r1", counting()).start();
        List<Long> ids = enqueue(50);
        await(() -> completions.size() == 50);
        await(() -> jobsLeft() == 0);
        assertThat(completions.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(completions.values()).allMatch(c -> c.get() == 1);
    }

    @Test
    void aFailingJobIsRetriedWithBackoffAndThenMarkedDead() {
        AtomicInteger attempts = new AtomicInteger();
        runner("r1", (work, ctx) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("remote is down");
        }).start();
        long id = enqueue(1).getFirst();
        await(() -> app.core().db().read(tx -> app.core().jobRepository().stateOf(tx, id)).orElse("").equals(JobRepository.DEAD));
        assertThat(attempts.get()).isEqualTo(3);
        var stats = app.core().db().read(tx -> app.core().jobRepository().stats(tx, Instant.now()));
        assertThat(stats).anySatisfy(s -> assertThat(s.dead()).isEqualTo(1));
    }

    @Test
    void aJobThatFailsOnceSucceedsOnItsRetry() {
        runner("r1", (work, ctx) -> {
            if (ctx.attempt() == 1) {
                throw new IllegalStateException("flaky");
            }
            completions.computeIfAbsent(ctx.jobId(), k -> new AtomicInteger()).incrementAndGet();
        }).start();
        long id = enqueue(1).getFirst();
        await(() -> completions.containsKey(id) && jobsLeft() == 0);
        assertThat(completions.get(id).get()).isEqualTo(1);
    }

    /**
     * A handler may remove its job in its own write transaction ({@code completeIn}): the row is gone inside that
     * transaction, and when the transaction rolls back the removal does too and the job is retried.
     */
    @Test
    void aJobCompletedInItsWorkTransactionGoesWithItsWorkOrNotAtAll() {
        Map<Long, Boolean> goneInside = new ConcurrentHashMap<>();
        runner("r1", (work, ctx) -> {
            starts.computeIfAbsent(ctx.jobId(), k -> new AtomicInteger()).incrementAndGet();
            app.core().db().inTransaction(tx -> {
                ctx.completeIn(tx);
                goneInside.put(ctx.jobId(), app.core().jobRepository().stateOf(tx, ctx.jobId()).isEmpty());
                if (ctx.attempt() == 1) {
                    throw new IllegalStateException("the work failed after completing");
                }
                return null;
            });
            completions.computeIfAbsent(ctx.jobId(), k -> new AtomicInteger()).incrementAndGet();
        }).start();
        long id = enqueue(1).getFirst();
        await(() -> completions.containsKey(id) && jobsLeft() == 0);
        assertThat(starts.get(id).get()).isEqualTo(2);
        assertThat(completions.get(id).get()).isEqualTo(1);
        assertThat(goneInside.get(id)).isTrue();
    }

    @Test
    void aJobWhoseRunnerDiesMidwayIsCompletedByAnotherAndCompletedJobsNeverRunAgain() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        List<Long> done = enqueue(10);
        long slow = app.core().db().inTransaction(tx -> app.core().jobs().enqueue(tx, WORK, new Work(-1)));
        JobHandler<Work> handler = (work, ctx) -> {
            starts.computeIfAbsent(ctx.jobId(), k -> new AtomicInteger()).incrementAndGet();
            if (work.n() == -1 && starts.get(ctx.jobId()).get() == 1) {
                slowStarted.countDown();
                Thread.sleep(Duration.ofMinutes(5)); // the first runner "crashes" while here
            }
            completions.computeIfAbsent(ctx.jobId(), k -> new AtomicInteger()).incrementAndGet();
        };
        JobRunner first = runner("first", handler);
        first.start();
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
        // "Completed" means the queue recorded it: the row is gone. A crash between a handler returning and that
        // record runs the job again (at-least-once), which is why handlers must be idempotent.
        await(() -> done.stream().allMatch(id -> app.core().db().read(tx -> app.core().jobRepository().stateOf(tx, id)).isEmpty()));
        first.kill();

        runner("second", handler).start();
        await(() -> completions.containsKey(slow) && jobsLeft() == 0);
        Thread.sleep(1500); // longer than a lease: nothing may run again
        assertThat(starts.get(slow).get()).isEqualTo(2);
        assertThat(completions.get(slow).get()).isEqualTo(1);
        assertThat(done).allSatisfy(id -> assertThat(starts.get(id).get()).isEqualTo(1));
    }

    @Test
    void aRestartedNodeTakesBackWhatItsKilledProcessHeldWithoutWaitingForTheLease() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        long job = app.core().db().inTransaction(tx -> app.core().jobs().enqueue(tx, WORK, new Work(-1)));
        JobHandler<Work> handler = (work, ctx) -> {
            if (starts.computeIfAbsent(ctx.jobId(), k -> new AtomicInteger()).incrementAndGet() == 1) {
                started.countDown();
                Thread.sleep(Duration.ofMinutes(5)); // killed while here
            }
            completions.computeIfAbsent(ctx.jobId(), k -> new AtomicInteger()).incrementAndGet();
        };
        Duration hour = Duration.ofHours(1);
        JobRunner before = runner("node7-host-100-a", handler, hour);
        before.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        before.kill();

        // Another node's runner leaves it alone: its lease (an hour) still holds.
        runner("node8-host-300-c", handler, hour).start();
        Thread.sleep(300);
        assertThat(completions).doesNotContainKey(job);

        runner("node7-host-200-b", handler, hour).start(); // the same node, a new process
        await(() -> completions.containsKey(job) && jobsLeft() == 0);
        assertThat(starts.get(job).get()).isEqualTo(2);
    }

    @Test
    void twoRunnersShareAThousandJobsWithoutDuplicates() {
        Map<Long, String> ranOn = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        JobHandler<Work> first = (work, ctx) -> {
            if (ranOn.putIfAbsent(ctx.jobId(), "first") != null) {
                duplicates.incrementAndGet();
            }
        };
        JobHandler<Work> second = (work, ctx) -> {
            if (ranOn.putIfAbsent(ctx.jobId(), "second") != null) {
                duplicates.incrementAndGet();
            }
        };
        runner("first", first).start();
        runner("second", second).start();
        List<Long> ids = new ArrayList<>();
        for (int batch = 0; batch < 10; batch++) {
            ids.addAll(enqueue(100));
        }
        await(() -> ranOn.size() == 1000 && jobsLeft() == 0);
        assertThat(duplicates.get()).isZero();
        assertThat(ranOn.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ranOn.values()).contains("first", "second");
    }

    @Test
    void aScheduledJobWaitsForItsTime() throws Exception {
        runner("r1", counting()).start();
        Instant at = Instant.now().plusMillis(800);
        long id = app.core().db().inTransaction(tx -> app.core().jobs().enqueueAt(tx, WORK, new Work(1), at));
        Thread.sleep(300);
        assertThat(completions).doesNotContainKey(id);
        await(() -> completions.containsKey(id));
        assertThat(Instant.now()).isAfterOrEqualTo(at);
    }

    @Test
    void aUniqueJobIsEnqueuedOnce() {
        boolean firstTime = app.core().db().inTransaction(tx ->
                app.core().jobs().enqueueUnique(tx, WORK, new Work(1), "only-one", Instant.now().plusSeconds(60)));
        boolean secondTime = app.core().db().inTransaction(tx ->
                app.core().jobs().enqueueUnique(tx, WORK, new Work(2), "only-one", Instant.now().plusSeconds(60)));
        assertThat(firstTime).isTrue();
        assertThat(secondTime).isFalse();
        assertThat(jobsLeft()).isEqualTo(1);
    }

    @Test
    void recurringWorkRunsAgainAndAgainFromOneRow() {
        AtomicInteger runs = new AtomicInteger();
        JobRunner runner = runner("r1", counting());
        runner.every("test.tick", Duration.ofMillis(150), runs::incrementAndGet);
        runner.start();
        await(() -> runs.get() >= 3);
        assertThat(jobsLeft()).isEqualTo(1);
    }

    @Test
    void backoffDoublesUpToItsCapWithJitter() {
        JobType<Work> type = JobType.of("x", Lane.DEFAULT, Work.class)
                .withRetries(10, Duration.ofSeconds(10), Duration.ofMinutes(5));
        for (int i = 0; i < 50; i++) {
            assertThat(JobRunner.backoff(type, 1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
            assertThat(JobRunner.backoff(type, 3)).isBetween(Duration.ofSeconds(32), Duration.ofSeconds(48));
            assertThat(JobRunner.backoff(type, 40)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
