package social.starling.model;

import java.time.Clock;
import java.time.Instant;

/**
 * Mastodon-style 64-bit time-sortable ids: {@code milliseconds << 16 | sequence << 6 | node}.
 *
 * <p>Ids are unique and strictly increasing within a process, also when the wall clock steps back: the generator
 * then keeps counting from the last millisecond it used, and borrows the next millisecond when a millisecond's
 * 1,024 sequence numbers run out. The low 6 bits carry the node id so several nodes sharing one database never
 * produce the same id. Because the top bits are a timestamp, {@link #floor(Instant)} turns a time into an id that
 * {@code max_id}/{@code min_id} paging understands, as Mastodon's does.
 */
public final class IdGenerator {
    private static final int SEQUENCE_BITS = 10;
    private static final int NODE_BITS = 6;
    private static final int MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1;

    private final Clock clock;
    private final int nodeId;
    private long lastMillis = -1;
    private int sequence;

    public IdGenerator(Clock clock, int nodeId) {
        if (nodeId < 0 || nodeId >= (1 << NODE_BITS)) {
            throw new IllegalArgumentException("node id must be 0-63");
        }
        this.clock = clock;
        this.nodeId = nodeId;
    }

    public synchronized long next() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            sequence = 0;
        } else if (sequence < MAX_SEQUENCE) {
            sequence++;
        } else {
            lastMillis++;
            sequence = 0;
        }
        return (lastMillis << 16) | ((long) sequence << NODE_BITS) | nodeId;
    }

    /** The smallest id that can have been made at {@code time}. */
    public static long floor(Instant time) {
        return time.toEpochMilli() << 16;
    }

    /** When an id was made. */
    public static Instant timeOf(long id) {
        return Instant.ofEpochMilli(id >>> 16);
    }
}
