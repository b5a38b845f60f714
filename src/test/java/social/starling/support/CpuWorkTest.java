package social.starling.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CpuWorkTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    /** The nice value of the calling thread, from /proc (field 19 of its stat line). */
    private static int niceOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    @Test
    void itsThreadsRunAtTheNiceValueAskedForAndOnlyThey() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int base = niceOfThisThread();
        var lowered = new CpuWork(1, SECOND, 1.0, CpuWork.BURST, CpuWork.DEFAULT_NICENESS);
        assertThat(lowered.call(CpuWork.Priority.FIRST, CpuWorkTest::niceOfThisThread))
                .isEqualTo(Math.max(base, CpuWork.DEFAULT_NICENESS));
        assertThat(new CpuWork(1, SECOND).call(CpuWork.Priority.FIRST, CpuWorkTest::niceOfThisThread)).isEqualTo(base);
        assertThat(niceOfThisThread()).as("the caller's own thread is left alone").isEqualTo(base);
    }

    @Test
    void membersGoFirstAndTheOthersRunInTheOrderTheyCame() throws Exception {
        var cpu = new CpuWork(1, SECOND);
        var release = new CountDownLatch(1);
        Thread blocker = CpuWorkTestSupport.block(cpu, release);
        List<String> ran = new CopyOnWriteArrayList<>();
        List<Thread> callers = new CopyOnWriteArrayList<>();
        String[][] order = {{"sign-up 1", "IN_TURN"}, {"keys", "IN_TURN"}, {"login", "FIRST"}, {"sign-up 2", "IN_TURN"}};
        int queued = 0;
        for (String[] task : order) {
            var priority = CpuWork.Priority.valueOf(task[1]);
            callers.add(Thread.ofVirtual().start(() -> {
                try {
                    cpu.call(priority, () -> ran.add(task[0]));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            queued++;
            CpuWorkTestSupport.awaitExpectedWait(cpu, CpuWork.Priority.IN_TURN, SECOND.multipliedBy(1 + queued));
        }
        // A member's task waits only for the running task and the members ahead of it.
        assertThat(cpu.expectedWait(CpuWork.Priority.FIRST)).isEqualTo(SECOND.multipliedBy(2));
        release.countDown();
        blocker.join();
        for (Thread t : callers) {
            t.join();
        }
        assertThat(ran).containsExactly("login", "sign-up 1", "keys", "sign-up 2");
        assertThat(cpu.expectedWait(CpuWork.Priority.IN_TURN)).isZero();
    }

    @Test
    void aTaskNotStartedWithinItsMaxWaitIsWithdrawnAndNeverRuns() throws Exception {
        var cpu = new CpuWork(1, SECOND);
        var release = new CountDownLatch(1);
        Thread blocker = CpuWorkTestSupport.block(cpu, release);
        List<String> ran = new CopyOnWriteArrayList<>();
        var result = cpu.call(CpuWork.Priority.FIRST, Duration.ofMillis(20), () -> ran.add("late"));
        assertThat(result).isEmpty();
        assertThat(cpu.expectedWait(CpuWork.Priority.IN_TURN)).isEqualTo(SECOND);
        release.countDown();
        blocker.join();
        assertThat(cpu.call(CpuWork.Priority.FIRST, SECOND, () -> ran.add("next"))).contains(true);
        assertThat(ran).containsExactly("next");
    }

    /**
     * Sign-ups and key generation are paced to their share of the threads' time once their burst is spent: ten tasks
     * of 40 ms with a share of a half and a burst of 80 ms: the last cannot start before its nine predecessors' 360 ms
     * less the burst has been earned back at half speed, (360 - 80) / 0.5 = 560 ms, so all are done after 600 ms at
     * the earliest (only this lower bound is timed: it holds however slow the machine).
     */
    @Test
    void workOtherThanMembersIsPacedToItsShare() throws Exception {
        var cpu = new CpuWork(1, Duration.ofMillis(40), 0.5, Duration.ofMillis(80));
        long start = System.nanoTime();
        List<Thread> callers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            callers.add(Thread.ofVirtual().start(() -> {
                try {
                    cpu.call(CpuWork.Priority.IN_TURN, () -> spin(Duration.ofMillis(40)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : callers) {
            t.join();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(595));
    }

    @Test
    void pacedWorkExpectsToWaitLongerByItsShare() throws Exception {
        var cpu = new CpuWork(1, SECOND, 0.5, Duration.ofSeconds(10));
        var release = new CountDownLatch(1);
        Thread blocker = CpuWorkTestSupport.block(cpu, release);
        assertThat(cpu.expectedWait(CpuWork.Priority.FIRST)).isEqualTo(SECOND);
        assertThat(cpu.expectedWait(CpuWork.Priority.IN_TURN)).isEqualTo(SECOND.multipliedBy(2));
        // One task running is not "busy" for spare work; one waiting is.
        assertThat(cpu.busy()).isFalse();
        Thread waiting = CpuWorkTestSupport.waiting(cpu, CpuWork.Priority.IN_TURN);
        CpuWorkTestSupport.awaitExpectedWait(cpu, CpuWork.Priority.IN_TURN, SECOND.multipliedBy(4));
        assertThat(cpu.busy()).isTrue();
        release.countDown();
        blocker.join();
        waiting.join();
        assertThat(cpu.busy()).isFalse();
    }

    private static boolean spin(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        return true;
    }

    @Test
    void failuresReachTheCaller() {
        var cpu = new CpuWork(1, SECOND);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cpu.call(CpuWork.Priority.IN_TURN, () -> {
            throw new IllegalArgumentException("bad");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad");
    }
}
