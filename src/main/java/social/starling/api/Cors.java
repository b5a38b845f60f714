package social.starling.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * CORS as Mastodon configures it (config/initializers/cors.rb): any origin, no credentials, on the API, OAuth,
 * well-known and NodeInfo paths, exposing the headers clients read (Link for paging, rate-limit headers, the
 * request id). Browser clients such as Elk and Phanpy depend on it.
 */
public final class Cors {
    private static final String EXPOSED = "Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, "
            + "X-Request-Id, Idempotency-Key";
    private static final String METHODS = "POST, PUT, DELETE, GET, PATCH, OPTIONS";

    private Cors() {
    }

    static boolean applies(String path) {
        return path.startsWith("/api/") || path.startsWith("/oauth/") || path.startsWith("/.well-known/")
                || path.startsWith("/nodeinfo/") || path.startsWith("/users/") || path.equals("/inbox");
    }

    /** A before-handler: adds the headers and answers preflight requests itself. */
    public static void handle(Context ctx) {
        if (!applies(ctx.path())) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", EXPOSED);
        if (ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null) {
            String requested = ctx.header("Access-Control-Request-Headers");
            ctx.header("Access-Control-Allow-Methods", METHODS);
            ctx.header("Access-Control-Allow-Headers", requested == null || requested.isBlank()
                    ? "Authorization, Content-Type, Idempotency-Key" : requested);
            ctx.header("Access-Control-Max-Age", "7200");
            ctx.status(200).result("");
            ctx.skipRemainingHandlers();
        }
    }
}
