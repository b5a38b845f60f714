package social.starling.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import social.starling.testing.MutableClock;

class IdGeneratorTest {

    @Test
    void idsAreUniqueAndIncreasingWithinAProcess() {
        IdGenerator ids = new IdGenerator(java.time.Clock.systemUTC(), 0);
        long previous = 0;
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            long id = ids.next();
            assertThat(id).isGreaterThan(previous);
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
    }

    @Test
    void idsKeepIncreasingWhenTheClockStepsBack() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
        IdGenerator ids = new IdGenerator(clock, 3);
        long before = ids.next();
        clock.advance(Duration.ofMinutes(-5));
        long after = ids.next();
        assertThat(after).isGreaterThan(before);
        // Still ahead of the stepped-back wall clock, so no id made before the step can repeat.
        assertThat(IdGenerator.timeOf(after)).isAfterOrEqualTo(IdGenerator.timeOf(before));
    }

    @Test
    void aFrozenClockBorrowsTheNextMillisecondWhenASequenceRunsOut() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
        IdGenerator ids = new IdGenerator(clock, 0);
        long previous = 0;
        for (int i = 0; i < 5_000; i++) {
            long id = ids.next();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
        assertThat(IdGenerator.timeOf(previous)).isAfter(clock.instant());
    }

    @Test
    void idsFromManyThreadsNeverCollide() throws InterruptedException {
        IdGenerator ids = new IdGenerator(java.time.Clock.systemUTC(), 0);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 20_000; i++) {
                    seen.add(ids.next());
                }
                done.countDown();
            });
        }
        done.await();
        assertThat(seen).hasSize(160_000);
    }

    @Test
    void nodesSharingAMillisecondMakeDifferentIds() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(new IdGenerator(clock, 1).next()).isNotEqualTo(new IdGenerator(clock, 2).next());
    }

    @Test
    void theTopBitsAreTheTimeSoATimeCanBeTurnedIntoAPagingBound() {
        Instant t = Instant.parse("2026-11-28T12:00:00.123Z");
        IdGenerator ids = new IdGenerator(new MutableClock(t), 5);
        long id = ids.next();
        assertThat(IdGenerator.timeOf(id)).isEqualTo(t);
        assertThat(id).isGreaterThanOrEqualTo(IdGenerator.floor(t));
        assertThat(id).isLessThan(IdGenerator.floor(t.plusMillis(1)));
        assertThat(Long.toString(id)).hasSizeGreaterThanOrEqualTo(17);
    }
}
