package social.starling.api.mastodon.v1.streaming;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.service.oauth.Caller;

/**
 * A server-sent event response: the request's own (virtual) thread writes queued frames, and a {@code :thump}
 * comment line when idle (Mastodon's heartbeat, with no blank line after it: Mastodon.py takes a blank line for the
 * end of an event, and an empty one fails there), until the client goes away or the connection is closed.
 */
final class SseStream extends StreamConnection {
    private static final Logger log = LoggerFactory.getLogger(SseStream.class);
    private static final byte[] HEARTBEAT = ":thump\n".getBytes(StandardCharsets.UTF_8);
    /**
     * A comment line after each write. Mastodon.py reads the stream byte by byte through urllib3, which hands over
     * the last byte of what arrived only with the next arrival: without a comment after it, an event's closing blank
     * line (so the event itself) would wait for the next heartbeat, 15 s later. Clients ignore comment lines.
     */
    private static final byte[] TRAILER = ":\n".getBytes(StandardCharsets.UTF_8);

    private final Duration keepAlive;
    private volatile Thread writer;

    SseStream(Caller caller, int queueSize, Duration keepAlive) {
        super(caller, queueSize);
        this.keepAlive = keepAlive;
    }

    /** Writes until the end; returns when the client has gone or the connection was closed. */
    void run(OutputStream out) {
        writer = Thread.currentThread();
        try {
            out.write(":)\n".getBytes(StandardCharsets.UTF_8));
            out.write(TRAILER);
            out.flush();
            while (!isClosed()) {
                Frame frame = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (isClosed()) {
                    return;
                }
                out.write(frame == null ? HEARTBEAT : frame.sse().getBytes(StandardCharsets.UTF_8));
                out.write(TRAILER);
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.interrupted(); // closed by the server: the response ends normally
        } catch (IOException e) {
            log.debug("streaming: event stream of account {} ended: {}", accountId(), e.toString());
        } finally {
            markClosed();
        }
    }

    @Override
    void overflowed() {
        log.warn("streaming: closing the event stream of account {}: {} events waiting, it does not keep up",
                accountId(), queue.size());
        interrupt();
    }

    @Override
    void shutdown() {
        markClosed();
        interrupt();
    }

    private void interrupt() {
        Thread w = writer;
        if (w != null) {
            w.interrupt();
        }
    }
}
