package social.starling.service.event;

import java.util.function.Consumer;
import social.starling.db.Tx;

/**
 * The event bus, as services see it: publish what happened inside a transaction, and every node's subscribers hear
 * of it once that transaction has committed (never if it rolls back). Delivery is at most once and best effort:
 * listeners keep caches current, and those caches still expire on their own, so a lost event costs staleness for
 * a bounded time, never correctness of stored data. Work that must not be lost goes through the job queue instead.
 */
public interface Events {
    /** Tells every node's subscribers of {@code event} once {@code tx} commits. */
    void publish(Tx tx, Event event);

    /**
     * Calls {@code listener} for every event of {@code type}, from this node or another. On this node, listeners
     * run on the committing thread right after commit, so the request that made a change sees it on its next read;
     * events from other nodes arrive on a delivery thread. Listeners should be quick and must not throw (what they
     * throw is logged and dropped).
     */
    <E extends Event> void subscribe(Class<E> type, Consumer<? super E> listener);
}
