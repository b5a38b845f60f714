package social.starling.api.activitypub;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import social.starling.api.BodyLimit;
import social.starling.federation.inbox.InboxReceiver;
import social.starling.federation.signature.InboundRequest;

/**
 * {@code POST /inbox} (the shared inbox), {@code POST /users/{name}/inbox} and {@code POST /actor/inbox}: reads the
 * body up to the configured limit and hands the request, as the sender addressed it (this server's base URL, the
 * path and query as received), to {@link InboxReceiver}. 202 when taken (or a duplicate); 413 too large, 400 not a
 * JSON activity, 401 any signature failure, 404 an unknown user — each with Mastodon's {@code {"error": ...}}.
 */
public final class InboxHandler {
    private final InboxReceiver receiver;
    private final String baseUrl;

    public InboxHandler(InboxReceiver receiver, String baseUrl) {
        this.receiver = receiver;
        this.baseUrl = baseUrl;
    }

    public void shared(Context ctx) throws IOException {
        receive(ctx, null);
    }

    public void personal(Context ctx) throws IOException {
        receive(ctx, ctx.pathParam("name"));
    }

    private void receive(Context ctx, String recipient) throws IOException {
        int max = receiver.maxBytes();
        long length = ctx.req().getContentLengthLong();
        if (length > max) {
            BodyLimit.refuseOversized(ctx, length);
            error(ctx, 413, "The request body is too large");
            return;
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes(max + 1);
        }
        if (body.length > max) {
            BodyLimit.refuseOversized(ctx, Long.MAX_VALUE); // chunked: how much more is coming is unknown
            error(ctx, 413, "The request body is too large");
            return;
        }
        String query = ctx.req().getQueryString();
        URI target = URI.create(baseUrl + ctx.req().getRequestURI() + (query == null ? "" : "?" + query));
        try {
            receiver.receive(new InboundRequest("POST", target, headers(ctx), body), recipient);
            ctx.status(202);
        } catch (InboxReceiver.Refused e) {
            error(ctx, switch (e.reason()) {
                case TOO_LARGE -> 413;
                case MALFORMED -> 400;
                case UNAUTHORIZED -> 401;
                case UNKNOWN_RECIPIENT -> 404;
            }, e.getMessage());
        }
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(Collections.list(ctx.req().getHeaders(name)));
        }
        return headers;
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }
}
