package social.starling.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Collects once per quiet spell that follows activity: never while busy, never twice for one spell. */
class IdleMemoryTest {

    @Test
    void collectsOnceWhenRequestsStopAndAgainOnlyAfterTheNextBurst() {
        AtomicLong requests = new AtomicLong();
        AtomicInteger collections = new AtomicInteger();
        IdleMemory idle = new IdleMemory(requests::get, collections::incrementAndGet, null);

        assertThat(idle.tick()).as("first look: nothing to compare yet").isFalse();
        assertThat(idle.tick()).as("quiet after start-up: what start-up took goes back").isTrue();
        assertThat(idle.tick()).as("still quiet").isFalse();

        requests.addAndGet(500);
        assertThat(idle.tick()).as("busy").isFalse();
        requests.addAndGet(10);
        assertThat(idle.tick()).as("still busy").isFalse();
        assertThat(idle.tick()).as("quiet after a burst").isTrue();
        assertThat(idle.tick()).as("still quiet: already given back").isFalse();
        assertThat(collections).hasValue(2);

        requests.incrementAndGet();
        assertThat(idle.tick()).isFalse();
        assertThat(idle.tick()).isTrue();
        assertThat(collections).hasValue(3);
    }
}
