package social.starling.api;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A growable byte buffer taken from a small pool and given back once the answer is written ({@link JsonBody}): a
 * timeline page is about 34 KB of JSON, and making it into fresh arrays (Jackson's segments and their copy into one
 * array) was a third of what the home timeline allocated. Not thread-safe: one request uses a buffer at a time.
 */
final class PooledBytes extends OutputStream {
    private static final int POOLED = 32;
    /** A buffer grown past this is not kept: one huge answer should not pin its memory. */
    static final int KEPT_BYTES = 256 * 1024;
    /** Last in, first out: the buffer used last is the likeliest still in the CPU's caches. */
    private static final Deque<PooledBytes> POOL = new ConcurrentLinkedDeque<>();
    private static final AtomicInteger POOL_SIZE = new AtomicInteger();

    private byte[] bytes = new byte[16 * 1024];
    private int size;

    private PooledBytes() {
    }

    /** An empty buffer, from the pool when one is there. */
    static PooledBytes take() {
        PooledBytes b = POOL.pollFirst();
        if (b == null) {
            return new PooledBytes();
        }
        POOL_SIZE.decrementAndGet();
        return b;
    }

    /** Gives the buffer back; it must not be used after. */
    void release() {
        size = 0;
        if (bytes.length <= KEPT_BYTES && POOL_SIZE.incrementAndGet() <= POOLED) {
            POOL.offerFirst(this);
        } else if (bytes.length <= KEPT_BYTES) {
            POOL_SIZE.decrementAndGet();
        }
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    /** How many bytes fit after {@link #size} without growing. */
    int free() {
        return bytes.length - size;
    }

    /** Room for {@code more} bytes after {@link #size}; returns the array to write them into at {@link #size}. */
    byte[] ensure(int more) {
        int needed = size + more;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
        return bytes;
    }

    void advance(int written) {
        size += written;
    }

    /**
     * The bytes written, as a stream for Javalin's result: closing it (Javalin does, once it has copied it to the
     * response) gives the buffer back. A stream never closed leaves its buffer to the garbage collector.
     */
    java.io.InputStream asResult() {
        return new java.io.ByteArrayInputStream(bytes, 0, size) {
            private boolean released;

            @Override
            public void close() {
                if (!released) {
                    released = true;
                    release();
                }
            }
        };
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }
}
