package social.starling.api;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;

/**
 * Request body limits, checked before any handler runs: a body announced larger than the limit
 * ({@code Content-Length}) is answered 413 at once, without reading it. Multipart bodies (file uploads) have their
 * own, larger limit. A body without a length (chunked) is bounded while it is read: Javalin's
 * {@code maxRequestSize} for bodies read whole, Jetty's multipart limit for uploads; both end in the same 413
 * ({@link ErrorMapper}).
 */
final class BodyLimit {
    private final long maxBodyBytes;
    private final long maxUploadBytes;

    BodyLimit(long maxBodyBytes, long maxUploadBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxUploadBytes = maxUploadBytes;
    }

    void check(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > limitFor(ctx.contentType())) {
            ctx.header("Connection", "close"); // the body stays unread: the connection cannot carry another request
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "The request body is too large");
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
