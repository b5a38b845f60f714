package social.starling.api.mastodon.v1.streaming;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import social.starling.model.oauth.Scopes;
import social.starling.service.oauth.Caller;

/**
 * One open streaming connection (a WebSocket or a server-sent event response) of one account: the streams it
 * listens to and a bounded queue of frames to send. The event thread only offers to the queue, never waits on the
 * network; the connection's own (virtual) thread sends. A connection whose queue is full has fallen too far
 * behind: it is closed ({@link #overflowed}), and its client reconnects and catches up through the REST API.
 */
abstract class StreamConnection {
    final Caller caller;
    final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();
    final BlockingQueue<Frame> queue;
    private final AtomicBoolean closed = new AtomicBoolean();

    StreamConnection(Caller caller, int queueSize) {
        this.caller = caller;
        this.queue = new ArrayBlockingQueue<>(queueSize);
    }

    long accountId() {
        return caller.token().accountId(); // streaming takes user tokens only
    }

    long tokenId() {
        return caller.token().id();
    }

    /** Notifications need {@code read:notifications} (or {@code read}), as Mastodon's streaming server checks. */
    boolean readsNotifications() {
        return Scopes.satisfiesAny(caller.token().scopes(), "read", "read:notifications");
    }

    boolean readsStatuses() {
        return Scopes.satisfiesAny(caller.token().scopes(), "read", "read:statuses");
    }

    /** Queues a frame; false (and the connection is closed) if it could not keep up. */
    boolean offer(Frame frame) {
        if (closed.get()) {
            return false;
        }
        if (!queue.offer(frame)) {
            if (closed.compareAndSet(false, true)) {
                overflowed();
            }
            return false;
        }
        return true;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Marks the connection closed; true the first time. */
    boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    /** The queue is full: close the connection (from any thread, without blocking). */
    abstract void overflowed();

    /** Closes the connection from the server side (shutdown). */
    abstract void shutdown();
}
