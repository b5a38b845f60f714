package social.starling.api.mastodon.v1.streaming;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.model.oauth.AccessToken;
import social.starling.service.oauth.Caller;

/**
 * A web page's own event stream (the web client's live notifications, for a browser signed in with its session
 * cookie rather than an access token): one account's {@code user:notification} stream, heard through the hub like
 * any other connection (same dispatch, same visibility rules, same bounded queue, closed on shutdown), but written
 * by the page as it likes — {@link Page#notification} turns each notification id into the event text to send.
 * The connection counts against a per-account bound (a negative token id, never a real token's), as API
 * connections count against their token's.
 */
public final class PageStream extends StreamConnection {
    private static final Logger log = LoggerFactory.getLogger(PageStream.class);

    /** What the page sends, and whether its browser may still listen. */
    public interface Page {
        /** The whole server-sent event text for this notification of the account, or empty to send nothing. */
        Optional<String> notification(long notificationId);

        /** Checked at each heartbeat: false ends the stream (the browser signed out, or its session expired). */
        boolean stillSignedIn();
    }

    private final StreamHub hub;
    private volatile Thread writer;

    private PageStream(StreamHub hub, long accountId) {
        super(new Caller(new AccessToken(-accountId, null, accountId, Set.of("read:notifications"), null, null),
                null, null), hub.config().queueSize());
        this.hub = hub;
        subscriptions.add(Subscription.of("user:notification", null, null));
    }

    /** Registers a page stream of {@code accountId}; empty when the account has as many open as allowed. */
    public static Optional<PageStream> open(StreamHub hub, long accountId) {
        PageStream stream = new PageStream(hub, accountId);
        return hub.register(stream) ? Optional.of(stream) : Optional.empty();
    }

    /**
     * Writes events (after {@code first}, sent at once) and a comment line as heartbeat when idle, at most every
     * {@code heartbeat}, until the browser goes, {@link Page#stillSignedIn} says no, or the server closes the
     * connection; then leaves the hub.
     */
    public void run(OutputStream out, String first, Duration heartbeat, Page page) {
        writer = Thread.currentThread();
        try {
            out.write((":)\n" + first).getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!isClosed()) {
                Frame frame = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (isClosed()) {
                    return;
                }
                if (frame == null) {
                    if (!page.stillSignedIn()) {
                        return;
                    }
                    out.write(":thump\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    Optional<String> text = id(frame).flatMap(page::notification);
                    if (text.isEmpty()) {
                        continue;
                    }
                    out.write(text.get().getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.interrupted(); // closed by the server: the response ends normally
        } catch (IOException e) {
            log.debug("streaming: page stream of account {} ended: {}", accountId(), e.toString());
        } finally {
            markClosed();
            hub.unregister(this);
        }
    }

    /** The notification id in a {@code notification} frame's payload (the API's Notification JSON). */
    private Optional<Long> id(Frame frame) {
        if (!"notification".equals(frame.event()) || frame.payload() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(hub.json().readTree(frame.payload()).path("id").asText()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    void overflowed() {
        log.warn("streaming: closing a page stream of account {}: {} events waiting, it does not keep up",
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
