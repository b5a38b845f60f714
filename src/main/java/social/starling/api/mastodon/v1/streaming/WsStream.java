package social.starling.api.mastodon.v1.streaming;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.websocket.WsContext;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.service.oauth.Caller;

/** A WebSocket connection: its writer is a virtual thread that sends queued frames, or a ping when idle. */
final class WsStream extends StreamConnection {
    private static final Logger log = LoggerFactory.getLogger(WsStream.class);
    /** Close code for "try again later" (RFC 6455 registry: 1013), sent to a client that fell behind. */
    static final int TRY_AGAIN_LATER = 1013;
    private static final long SEND_TIMEOUT_SECONDS = 60;

    private final Session session;
    private final ObjectMapper json;
    private final Duration keepAlive;
    private volatile Thread writer;

    WsStream(Caller caller, int queueSize, WsContext ctx, ObjectMapper json, Duration keepAlive) {
        super(caller, queueSize);
        this.session = ctx.session;
        this.json = json;
        this.keepAlive = keepAlive;
    }

    void start(Runnable onEnd) {
        writer = Thread.ofVirtual().name("stream-ws-" + accountId()).start(() -> {
            try {
                write();
            } finally {
                onEnd.run();
            }
        });
    }

    private void write() {
        try {
            while (!isClosed() && session.isOpen()) {
                Frame frame = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (isClosed()) {
                    return;
                }
                Callback.Completable sent = new Callback.Completable();
                if (frame == null) {
                    session.sendPing(ByteBuffer.allocate(0), sent);
                } else {
                    session.sendText(frame.ws(json), sent);
                }
                sent.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("streaming: websocket of account {} ended: {}", accountId(), e.toString());
            closeSession(1011, "Send failed");
        }
    }

    void sendNow(String text) {
        if (session.isOpen()) {
            session.sendText(text, Callback.NOOP);
        }
    }

    /** The socket closed (by the client, or below us): stops the writer. */
    void ended() {
        markClosed();
        Thread w = writer;
        if (w != null) {
            w.interrupt();
        }
    }

    @Override
    void overflowed() {
        log.warn("streaming: closing the websocket of account {}: {} events waiting, it does not keep up",
                accountId(), queue.size());
        closeSession(TRY_AGAIN_LATER, "Too many events waiting");
        ended();
    }

    @Override
    void shutdown() {
        markClosed();
        closeSession(1001, "Server shutting down");
        ended();
    }

    private void closeSession(int code, String reason) {
        if (session.isOpen()) {
            session.close(code, reason, Callback.NOOP);
        }
    }
}
