package social.starling.api;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Request body limits, checked before any handler runs: a body announced larger than the limit
 * ({@code Content-Length}) is answered 413 before any handler sees it (read and discarded first, up to
 * {@link #DRAIN_MAX_BYTES}, so that the client is still listening for the answer). Multipart bodies (file uploads) have their
 * own, larger limit. A body without a length (chunked) is bounded while it is read: Javalin's
 * {@code maxRequestSize} for bodies read whole, Jetty's multipart limit for uploads; both end in the same 413
 * ({@link ErrorMapper}).
 */
public final class BodyLimit {
    private final long maxBodyBytes;
    private final long maxUploadBytes;

    BodyLimit(long maxBodyBytes, long maxUploadBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxUploadBytes = maxUploadBytes;
    }

    void check(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > limitFor(ctx.contentType())) {
            // A client still sending its body may not read an answer given before it finishes: closing on unread
            // input resets the connection, and the 413 is lost. A body of moderate size is read and thrown away
            // first (as a web server's lingering close would); a huge one is refused at once and the connection
            // closed, since it cannot carry another request.
            refuseOversized(ctx, length);
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "The request body is too large");
        }
    }

    /**
     * Reads what a handler left of a body within the limit, before the answer is written. Jetty closes a
     * connection whose request body was not read to the end, and when the answer was already sent it cannot say
     * so with {@code Connection: close}: the client puts the connection back in its pool and its next request on
     * it fails unanswered ("received no bytes"). Runs after every handler; a body already read costs nothing.
     * Multipart bodies are left to Jetty's parser.
     */
    void drainUnread(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length <= 0 || length > maxBodyBytes || limitFor(ctx.contentType()) != maxBodyBytes) {
            return;
        }
        try {
            drained(ctx);
        } catch (RuntimeException e) {
            // A stream the handler left in an unusable state: Jetty closes the connection, as before.
        }
    }

    /** The most of an over-limit body read and discarded so that its 413 reaches the client. */
    static final long DRAIN_MAX_BYTES = 64L * 1024 * 1024;

    /**
     * Gets a connection ready for a 413 answer to a body larger than allowed: what is left of a moderate body is
     * read and discarded, so that a client still sending hears the answer; past {@link #DRAIN_MAX_BYTES} the
     * connection is closed after the answer instead.
     */
    public static void refuseOversized(Context ctx, long announcedLength) {
        if (announcedLength > DRAIN_MAX_BYTES || !drained(ctx)) {
            ctx.header("Connection", "close");
        }
    }

    private static boolean drained(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    enum Failure { TOO_LARGE, MALFORMED, OTHER }

    /**
     * What a servlet exception from reading a body means: Jetty's multipart parser reports a body past
     * {@code maxTotalRequestSize} as a {@code BadMessageException} (400 "bad multipart") caused by
     * {@code IllegalStateException("max length exceeded: ...")}.
     */
    static Failure classify(Throwable e) {
        boolean badMessage = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null
                    && t.getMessage().startsWith("max length exceeded")) {
                return Failure.TOO_LARGE;
            }
            badMessage |= t instanceof org.eclipse.jetty.http.BadMessageException;
        }
        return badMessage ? Failure.MALFORMED : Failure.OTHER;
    }

    long limitFor(String contentType) {
        boolean multipart = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        return multipart ? maxUploadBytes : maxBodyBytes;
    }
}
