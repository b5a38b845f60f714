package social.starling.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import social.starling.errors.RateLimitedException;

/**
 * Counts events per key in a sliding window and refuses past a limit with a 429 that says when to come back.
 * Kept in this process's memory: on several nodes each node counts its own share, which still bounds abuse.
 */
public final class Throttle {
    private final String name;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> events;

    public Throttle(String name, int limit, Duration window, Clock clock) {
        this.name = name;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.events = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(200_000).build();
    }

    /** Throws if {@code key} has already used up its events in the current window. */
    public void check(String key, String message) {
        Instant now = clock.instant();
        Deque<Instant> deque = events.getIfPresent(key);
        if (deque == null) {
            return;
        }
        synchronized (deque) {
            prune(deque, now);
            if (deque.size() >= limit) {
                Duration wait = Duration.between(now, deque.peekFirst().plus(window));
                throw new RateLimitedException(message, wait.isNegative() ? Duration.ofSeconds(1) : wait);
            }
        }
    }

    /** Records one event for {@code key}. */
    public void record(String key) {
        Instant now = clock.instant();
        Deque<Instant> deque = events.get(key, k -> new ArrayDeque<>());
        synchronized (deque) {
            prune(deque, now);
            deque.addLast(now);
        }
    }

    /** Checks, then records: for events that count whether or not they succeed (sign-ups). */
    public void acquire(String key, String message) {
        check(key, message);
        record(key);
    }

    public void reset(String key) {
        events.invalidate(key);
    }

    private void prune(Deque<Instant> deque, Instant now) {
        Instant cutoff = now.minus(window);
        while (!deque.isEmpty() && deque.peekFirst().isBefore(cutoff)) {
            deque.pollFirst();
        }
    }

    @Override
    public String toString() {
        return name + " (" + limit + " per " + window + ")";
    }
}
