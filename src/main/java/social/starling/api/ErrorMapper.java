package social.starling.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.errors.BadRequestException;
import social.starling.errors.ForbiddenException;
import social.starling.errors.GoneException;
import social.starling.errors.NotFoundException;
import social.starling.errors.RateLimitedException;
import social.starling.errors.StarlingException;
import social.starling.errors.UnauthorizedException;
import social.starling.errors.UnavailableException;
import social.starling.errors.UnprocessableException;

/**
 * Maps every error to Mastodon's status code and {@code {"error": "..."}} body, once. Unknown errors are logged
 * with the request id and answered with an opaque 500 that quotes it.
 */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(StarlingException.class, (e, ctx) -> render(ctx, e));
        routes.exception(social.starling.errors.OAuthException.class, (e, ctx) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.error());
            body.put("error_description", e.getMessage());
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"Doorkeeper\", error=\"" + e.error() + "\"");
            }
            ctx.status(e.status()).json(body);
        });
        routes.exception(JsonProcessingException.class, (e, ctx) ->
                write(ctx, 400, "The request body is not valid JSON", null));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            if (status == 413) {
                ctx.header("Connection", "close"); // what is left of the body is not read
            }
            String message = switch (status) {
                case 404 -> "Record not found";
                case 405 -> "Method not allowed";
                case 413 -> "The request body is too large";
                default -> e.getMessage();
            };
            write(ctx, status, message, null);
        });
        // Jetty's multipart parser: an upload past the limit, or a malformed one (see BodyLimit). The rest of the
        // body is unread, so the connection cannot be reused.
        routes.exception(jakarta.servlet.ServletException.class, (e, ctx) -> {
            switch (BodyLimit.classify(e)) {
                case TOO_LARGE -> {
                    ctx.header("Connection", "close");
                    write(ctx, 413, "The request body is too large", null);
                }
                case MALFORMED -> {
                    ctx.header("Connection", "close");
                    write(ctx, 400, "The request body is not valid multipart/form-data", null);
                }
                case OTHER -> unexpected(e, ctx);
            }
        });
        routes.exception(Exception.class, ErrorMapper::unexpected);
    }

    /**
     * Anything else: a Jetty BadMessageException underneath (a body it could not read as its Content-Type says,
     * on any route that reads form fields) is the client's fault, a 4xx; the rest is a 500 with a request id.
     */
    private static void unexpected(Exception e, Context ctx) {
        if (badMessage(e) instanceof org.eclipse.jetty.http.BadMessageException bad) {
            ctx.header("Connection", "close");
            write(ctx, bad.getCode() >= 400 && bad.getCode() < 500 ? bad.getCode() : 400,
                    "The request body could not be read: " + bad.getReason(), null);
            return;
        }
        internalError(ctx, e);
    }

    private static void internalError(Context ctx, Exception e) {
        String requestId = RequestIds.of(ctx);
        log.error("request {} {} {} failed", requestId, ctx.method(), ctx.path(), e);
        write(ctx, 500, "Internal server error (request " + requestId + ")", null);
    }

    /** The Jetty BadMessageException at the root of {@code e} (Javalin wraps it in a ServletException), if any. */
    private static Throwable badMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException) {
                return t;
            }
        }
        return null;
    }

    static void render(Context ctx, StarlingException e) {
        switch (e) {
            case BadRequestException x -> write(ctx, 400, x.getMessage(), null);
            case UnauthorizedException x -> write(ctx, 401, x.getMessage(), null);
            case ForbiddenException x -> write(ctx, 403, x.getMessage(), null);
            case NotFoundException x -> write(ctx, 404, x.getMessage(), null);
            case GoneException x -> write(ctx, 410, x.getMessage(), null);
            case UnprocessableException x -> write(ctx, 422,
                    ErrorLanguage.translate(x.getMessage(), ErrorLanguage.choose(langParam(ctx),
                            ctx.header("Accept-Language"))),
                    x.details().isEmpty() ? null : x.details());
            case RateLimitedException x -> {
                ctx.header("Retry-After", Long.toString(Math.max(1, x.retryAfter().toSeconds())));
                write(ctx, 429, x.getMessage(), null);
            }
            case UnavailableException x -> {
                ctx.header("Retry-After", Long.toString(Math.max(1, x.retryAfter().toSeconds())));
                write(ctx, 503, x.getMessage(), null);
            }
        }
    }

    /** Mastodon's {@code params[:lang]}: in the query, or in a form body. */
    private static String langParam(Context ctx) {
        String lang = ctx.queryParam("lang");
        if (lang != null) {
            return lang;
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return null;
        }
        try {
            return ctx.formParam("lang");
        } catch (RuntimeException e) {
            return null;
        }
    }

    static void write(Context ctx, int status, String message, Object details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (details != null) {
            body.put("details", details);
        }
        ctx.status(status).json(body);
    }
}
