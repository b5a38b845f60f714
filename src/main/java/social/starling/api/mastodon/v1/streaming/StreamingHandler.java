package social.starling.api.mastodon.v1.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import social.starling.api.auth.ApiAuth;
import social.starling.errors.RateLimitedException;
import social.starling.errors.StarlingException;
import social.starling.errors.UnauthorizedException;
import social.starling.model.oauth.Scopes;
import social.starling.service.oauth.Caller;

/**
 * Mastodon's streaming API ({@code streaming/index.js}): {@code GET /api/v1/streaming} as a WebSocket with any
 * number of streams (the {@code stream} query parameter, then {@code subscribe} / {@code unsubscribe} messages),
 * and one server-sent event stream per path ({@code /api/v1/streaming/user}, {@code /public/local}, ...).
 * Since Mastodon 4.2 every stream needs a user token, with {@code read}, {@code read:statuses} or
 * {@code read:notifications}; it may come as {@code Authorization: Bearer}, the {@code access_token} parameter, or
 * (WebSocket) the {@code Sec-WebSocket-Protocol} header, which is echoed back as browsers require.
 */
public final class StreamingHandler {
    private static final String CALLER = "starling.streaming.caller";

    private final ApiAuth auth;
    private final StreamHub hub;
    private final Map<String, WsStream> sockets = new ConcurrentHashMap<>();

    public StreamingHandler(ApiAuth auth, StreamHub hub) {
        this.auth = auth;
        this.hub = hub;
    }

    /** {@code GET /api/v1/streaming/health}. */
    public void health(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").result("OK");
    }

    private Caller caller(String token) {
        if (token == null || token.isBlank()) {
            throw new UnauthorizedException("Missing access token");
        }
        Caller caller = auth.streamingUser(token.strip())
                .orElseThrow(() -> new UnauthorizedException("Invalid access token"));
        if (!Scopes.satisfiesAny(caller.token().scopes(), "read", "read:statuses", "read:notifications")) {
            throw new UnauthorizedException("Access token does not have the required scopes");
        }
        return caller;
    }

    /** Checks that the connection may listen to {@code sub} (scopes, list ownership), as Mastodon does. */
    private void authorize(StreamConnection c, Subscription sub) {
        boolean allowed = sub.name().equals("user:notification") ? c.readsNotifications() : c.readsStatuses();
        if (!allowed) {
            throw new UnauthorizedException("Access token does not have the required scopes");
        }
        if (sub.listId() != null && !hub.statuses().ownsList(c.accountId(), sub.listId())) {
            throw new UnauthorizedException("Not authorized to stream this list");
        }
    }

    // ---- WebSocket ----

    /** Before the upgrade: no valid user token, no socket (401), as Mastodon's streaming server answers. */
    public void beforeUpgrade(Context ctx) {
        String token = ApiAuth.bearerOf(ctx);
        if (token == null) {
            String protocols = ctx.header("Sec-WebSocket-Protocol");
            token = protocols == null ? null : protocols.split(",")[0];
        }
        ctx.attribute(CALLER, caller(token));
    }

    public void socket(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onMessage(ctx -> message(ctx, ctx.message()));
        ws.onClose(this::ended);
        ws.onError(this::ended);
    }

    private void connected(WsConnectContext ctx) {
        ctx.disableAutomaticPings();
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            ctx.closeSession(1008, "Invalid access token");
            return;
        }
        var config = hub.config();
        WsStream conn = new WsStream(caller, config.queueSize(), ctx, hub.json(), config.keepAlive());
        if (!hub.register(conn)) {
            ctx.closeSession(1008, "Too many connections");
            return;
        }
        sockets.put(ctx.sessionId(), conn);
        String stream = ctx.queryParam("stream");
        if (stream != null && !stream.isBlank()) {
            subscribe(conn, stream, ctx.queryParam("tag"), ctx.queryParam("list"));
        }
        conn.start(() -> {
            hub.unregister(conn);
            sockets.remove(ctx.sessionId());
        });
    }

    private void message(WsContext ctx, String text) {
        WsStream conn = sockets.get(ctx.sessionId());
        if (conn == null) {
            return;
        }
        JsonNode msg;
        try {
            msg = hub.json().readTree(text);
        } catch (IOException | RuntimeException e) {
            error(conn, "Could not parse message", 400);
            return;
        }
        if (msg == null || !msg.isObject()) {
            error(conn, "Could not parse message", 400);
            return;
        }
        String type = msg.path("type").asText("");
        String stream = msg.path("stream").isTextual() ? msg.path("stream").asText() : null;
        String tag = msg.path("tag").isTextual() ? msg.path("tag").asText() : null;
        String list = msg.path("list").isValueNode() ? msg.path("list").asText() : null;
        switch (type) {
            case "subscribe" -> subscribe(conn, stream, tag, list);
            case "unsubscribe" -> {
                try {
                    conn.subscriptions.remove(Subscription.of(stream, tag, list));
                } catch (StarlingException e) {
                    error(conn, e.getMessage(), 400);
                }
            }
            default -> error(conn, "Unknown message type", 400);
        }
    }

    private void subscribe(WsStream conn, String stream, String tag, String list) {
        try {
            Subscription sub = Subscription.of(stream, tag, list);
            authorize(conn, sub);
            conn.subscriptions.add(sub);
        } catch (UnauthorizedException e) {
            error(conn, e.getMessage(), 401);
        } catch (StarlingException e) {
            error(conn, e.getMessage(), 400);
        }
    }

    /** Mastodon's error message on a socket: {@code {"error": "...", "status": 400}}; the socket stays open. */
    private void error(WsStream conn, String message, int status) {
        conn.offer(Frame.raw(hub.write(Map.of("error", message, "status", status))));
    }

    private void ended(WsContext ctx) {
        WsStream conn = sockets.remove(ctx.sessionId());
        if (conn != null) {
            conn.ended();
            hub.unregister(conn);
        }
    }

    // ---- server-sent events ----

    /** An SSE endpoint for stream {@code name}; {@code only_media=true} picks its {@code :media} variant. */
    public io.javalin.http.Handler sse(String name, boolean mediaVariant) {
        return ctx -> {
            String stream = mediaVariant && "true".equalsIgnoreCase(ctx.queryParam("only_media"))
                    ? name + ":media" : name;
            sse(ctx, stream);
        };
    }

    private void sse(Context ctx, String stream) throws IOException {
        Caller caller = caller(ApiAuth.bearerOf(ctx));
        Subscription sub = Subscription.of(stream, ctx.queryParam("tag"), ctx.queryParam("list"));
        var config = hub.config();
        // Comments at least every 15 s: below common proxy and connector idle timeouts.
        Duration beat = config.keepAlive().compareTo(Duration.ofSeconds(15)) < 0 ? config.keepAlive()
                : Duration.ofSeconds(15);
        SseStream conn = new SseStream(caller, config.queueSize(), beat);
        authorize(conn, sub);
        conn.subscriptions.add(sub);
        if (!hub.register(conn)) {
            throw new RateLimitedException("Too many streaming connections for this access token",
                    Duration.ofSeconds(10));
        }
        try {
            HttpServletResponse res = ctx.res();
            res.setStatus(200);
            res.setContentType("text/event-stream; charset=utf-8");
            res.setHeader("Cache-Control", "private, no-store");
            res.setHeader("X-Accel-Buffering", "no");
            conn.run(res.getOutputStream());
        } finally {
            hub.unregister(conn);
        }
    }
}
