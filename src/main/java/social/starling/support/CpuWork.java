package social.starling.support;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU-heavy work (argon2 password hashing, RSA key generation) on a few platform threads, never on the carriers of
 * the virtual threads: a caller (a request or a job, on a virtual thread) waits for its result and frees its carrier
 * meanwhile, so however much of this work arrives, it takes at most {@code threads} cores and the other requests
 * still get theirs. Tasks of {@link Priority#FIRST} (members signing in or changing their password) run before those
 * of {@link Priority#IN_TURN} (sign-ups, a key needed now), which run in the order they came, and those before
 * {@link Priority#SPARE} work (a new account's key pair, made ahead of need), which runs only when nothing else waits.
 *
 * <p>Work that is not a member's ({@code IN_TURN} and {@code SPARE}) is paced to a {@code share} of the threads'
 * time by a budget of CPU time: it fills at {@code threads × share} seconds a second, up to a burst, and each
 * such task spends its run time from it; a task that finds the budget spent waits, on its thread, until it is
 * positive again. A few sign-ups in a row (or a test's accounts) run at once; a flood of them takes at most
 * {@code threads × share} cores, and the members' requests keep the rest. A member's task that arrives while a thread
 * waits for budget waits for that thread or another.
 *
 * <p>{@link #expectedWait} estimates how long a new task would wait to start: the tasks ahead of it (running or
 * queued at its priority or above) times the mean run time of the recent tasks, divided by the threads (and, for
 * paced work, by the share); callers use it to refuse at once rather than queue work that would wait too long.
 */
public final class CpuWork {
    public enum Priority { FIRST, IN_TURN, SPARE }

    private final int threads;
    private final ThreadPoolExecutor pool;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger[] queued = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
    private final double share;
    /** Nanoseconds of CPU time paced work may still spend; refilled with time, negative after an overdraft. */
    private double budget;
    private long refilledAt = System.nanoTime();
    private final Object pace = new Object();
    private final long burstNanos;
    /** Mean run time of a task, an exponentially weighted average (1/8 for each new task). */
    private final AtomicLong meanNanos;

    /** At most half the cores (at least one thread): the other half stays for everything else. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** The share of its threads' time that work other than members' may take by default: half. */
    public static final double DEFAULT_SHARE = 0.5;
    /** The most CPU time paced work may spend at once before the pace applies. */
    public static final Duration BURST = Duration.ofSeconds(2);

    /**
     * The nice value of the threads ({@link ThreadNiceness}): when the cores are all busy, the requests' carriers run
     * first. In a sign-up storm on two cores this halved the members' home timeline p99 (bench/README.md, "Sign-up
     * storm"); on a core the requests leave idle, the work runs at full speed.
     */
    public static final int DEFAULT_NICENESS = 10;

    /** Unpaced: every task runs as soon as a thread is free. */
    public CpuWork(int threads, Duration expectedTaskTime) {
        this(threads, expectedTaskTime, 1.0);
    }

    /**
     * {@code expectedTaskTime}: the estimate of a task's run time until tasks have run; {@code share}: the part of
     * each thread's time that {@code IN_TURN} and {@code SPARE} work may take, in (0, 1].
     */
    public CpuWork(int threads, Duration expectedTaskTime, double share) {
        this(threads, expectedTaskTime, share, BURST);
    }

    /** As above, with the budget paced work may spend at once ({@link #BURST} by default). */
    public CpuWork(int threads, Duration expectedTaskTime, double share, Duration burst) {
        this(threads, expectedTaskTime, share, burst, 0);
    }

    /** As above, with the threads' nice value ({@link #DEFAULT_NICENESS} for the server's; 0 leaves it). */
    public CpuWork(int threads, Duration expectedTaskTime, double share, Duration burst, int niceness) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1]");
        }
        this.threads = threads;
        this.share = share;
        this.burstNanos = burst.toNanos();
        this.budget = burstNanos;
        this.meanNanos = new AtomicLong(Math.max(1, expectedTaskTime.toNanos()));
        AtomicInteger names = new AtomicInteger();
        // Idle threads end after a while, so an idle server (or a test that built one) keeps none.
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new PriorityBlockingQueue<>(),
                r -> Thread.ofPlatform().daemon().name("cpu-work-" + names.incrementAndGet()).unstarted(() -> {
                    ThreadNiceness.lowerCurrentThread(niceness);
                    r.run();
                }));
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** How long a task of this priority submitted now would wait to start, by the tasks ahead of it. */
    public Duration expectedWait(Priority priority) {
        long ahead = running.get();
        for (int p = 0; p <= priority.ordinal(); p++) {
            ahead += queued[p].get();
        }
        double pace = priority == Priority.FIRST ? 1 : share;
        return Duration.ofNanos((long) (ahead * meanNanos.get() / threads / pace));
    }

    /**
     * Whether spare work should not be asked for now: members' or sign-ups' work is waiting, or the paced budget is
     * spent. (Other spare work queued does not count: it runs in the order it came.)
     */
    public boolean busy() {
        if (queued[0].get() + queued[1].get() > 0) {
            return true;
        }
        synchronized (pace) {
            refill();
            return share < 1 && budget <= 0;
        }
    }

    /** Runs {@code work} and waits for its result, however long it takes to start. */
    public <T> T call(Priority priority, Callable<T> work) throws InterruptedException {
        Task<T> task = submit(priority, work);
        try {
            return result(task);
        } catch (InterruptedException e) {
            task.withdraw();
            throw e;
        }
    }

    /**
     * Runs {@code work} and waits for its result, or gives it up if it has not started within {@code maxWait}: empty
     * then (once started, it runs to the end and its result is returned).
     */
    public <T> Optional<T> call(Priority priority, Duration maxWait, Callable<T> work) throws InterruptedException {
        Task<T> task = submit(priority, work);
        try {
            try {
                return Optional.of(unwrap(() -> task.result.get(maxWait.toNanos(), TimeUnit.NANOSECONDS)));
            } catch (TimeoutException e) {
                if (task.withdraw()) {
                    return Optional.empty();
                }
                return Optional.of(result(task));
            }
        } catch (InterruptedException e) {
            task.withdraw();
            throw e;
        }
    }

    private <T> Task<T> submit(Priority priority, Callable<T> work) {
        Task<T> task = new Task<>(priority.ordinal(), sequence.incrementAndGet(), work);
        queued[task.priority].incrementAndGet();
        pool.execute(task);
        return task;
    }

    private static <T> T result(Task<T> task) throws InterruptedException {
        try {
            return unwrap(task.result::get);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Get<T> {
        T get() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static <T> T unwrap(Get<T> get) throws InterruptedException, TimeoutException {
        try {
            return get.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits, on the calling pool thread, until paced work has budget to spend. */
    private void awaitBudget() {
        while (true) {
            double deficit;
            synchronized (pace) {
                refill();
                if (budget > 0) {
                    return;
                }
                deficit = -budget;
            }
            try {
                TimeUnit.NANOSECONDS.sleep((long) (deficit / (threads * share)) + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void refill() {
        long now = System.nanoTime();
        budget = Math.min(burstNanos, budget + (now - refilledAt) * threads * share);
        refilledAt = now;
    }

    private final class Task<T> implements Runnable, Comparable<Task<?>> {
        final int priority;
        final long order;
        final Callable<T> work;
        final AtomicBoolean taken = new AtomicBoolean();
        final CompletableFuture<T> result = new CompletableFuture<>();

        Task(int priority, long order, Callable<T> work) {
            this.priority = priority;
            this.order = order;
            this.work = work;
        }

        @Override
        public void run() {
            if (!taken.compareAndSet(false, true)) {
                return; // withdrawn by its caller
            }
            queued[priority].decrementAndGet();
            running.incrementAndGet();
            boolean paced = priority != Priority.FIRST.ordinal() && share < 1;
            if (paced) {
                awaitBudget();
            }
            long start = System.nanoTime();
            T value = null;
            Throwable failure = null;
            try {
                value = work.call();
            } catch (Throwable e) {
                failure = e;
            }
            long took = System.nanoTime() - start;
            meanNanos.updateAndGet(mean -> Math.max(1, mean + (took - mean) / 8));
            running.decrementAndGet(); // before the caller hears of it, so what it sees next is up to date
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
            if (paced) {
                synchronized (pace) {
                    refill();
                    budget -= took;
                }
            }
        }

        /** Takes the task back if it has not started: true then, and it will not run. */
        boolean withdraw() {
            if (!taken.compareAndSet(false, true)) {
                return false;
            }
            queued[priority].decrementAndGet();
            pool.remove(this);
            return true;
        }

        @Override
        public int compareTo(Task<?> other) {
            return priority != other.priority ? Integer.compare(priority, other.priority)
                    : Long.compare(order, other.order);
        }
    }
}
