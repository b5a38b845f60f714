package social.starling.api.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import social.starling.errors.BadRequestException;
import social.starling.errors.ForbiddenException;
import social.starling.errors.GoneException;
import social.starling.errors.NotFoundException;
import social.starling.errors.RateLimitedException;
import social.starling.errors.StarlingException;
import social.starling.errors.UnauthorizedException;
import social.starling.errors.UnavailableException;
import social.starling.errors.UnprocessableException;
import social.starling.service.instance.InstanceService;

/**
 * Renders the precompiled jte templates (src/main/jte, package {@code social.starling.web.templates}) inside the
 * shared layout. Every template takes {@code chrome} (see {@link Chrome}) and {@code page} (its model record).
 * Pages are never cached and never framed: the consent page must not be clickjacked, and forms carry tokens.
 */
final class Pages {
    private static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; media-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "social.starling.web.templates");
    private final InstanceService instance;
    private final WebSession session;
    private final Csrf csrf;

    Pages(InstanceService instance, WebSession session, Csrf csrf) {
        this.instance = instance;
        this.session = session;
        this.csrf = csrf;
    }

    Chrome chrome(Context ctx, String pageTitle) {
        var user = session.user(ctx);
        String username = user.map(u -> u.account().username()).orElse(null);
        boolean staff = user.map(u -> u.user().role().isStaff()).orElse(false);
        return new Chrome(instance.describe().title(), pageTitle, username, staff, () -> csrf.token(ctx));
    }

    /** Renders {@code template} (e.g. {@code "about.jte"}) with {@code page} as its model. */
    void render(Context ctx, int status, String template, String pageTitle, Object page) {
        StringOutput out = new StringOutput();
        engine.render(template, Map.of("chrome", chrome(ctx, pageTitle), "page", page), out);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.status(status).html(out.toString());
    }

    /** Renders a template on its own, without the layout (a fragment htmx swaps into the page). */
    void fragment(Context ctx, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.html(out.toString());
    }

    void message(Context ctx, int status, MessagePage page) {
        render(ctx, status, "message.jte", page.heading(), page);
    }

    /** 422 for a form posted without its own CSRF token (Rails' wording). */
    /** A page handler whose client-safe errors render as pages with the API's status codes. */
    Handler page(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (StarlingException e) {
                error(ctx, e);
            }
        };
    }

    /** A form's POST handler: refused with 422, before it does anything, without this browser's CSRF token. */
    Handler form(Handler handler) {
        return page(ctx -> {
            if (!csrf.valid(ctx)) {
                invalidToken(ctx);
                return;
            }
            handler.handle(ctx);
        });
    }

    void invalidToken(Context ctx) {
        message(ctx, 422, MessagePage.of("Invalid authenticity token",
                "This form was sent without the security token of this browser, or it has expired, so nothing was "
                        + "changed. Go back, reload the page and try again.").with(new Link("/", "Home")));
    }

    /** Any client-safe error as a page, with the status (and Retry-After) the JSON API would use. */
    void error(Context ctx, StarlingException e) {
        switch (e) {
            case RateLimitedException x -> {
                ctx.header("Retry-After", Long.toString(Math.max(1, x.retryAfter().toSeconds())));
                message(ctx, 429, MessagePage.of("Too many attempts", x.getMessage() + ".",
                        "Please wait " + minutes(x.retryAfter().toSeconds()) + " and try again."));
            }
            case UnavailableException x -> {
                ctx.header("Retry-After", Long.toString(Math.max(1, x.retryAfter().toSeconds())));
                message(ctx, 503, MessagePage.of("Please try again shortly", x.getMessage()));
            }
            case NotFoundException x -> message(ctx, 404, MessagePage.of("Not found", x.getMessage()));
            case GoneException x -> message(ctx, 410, MessagePage.of("Gone", x.getMessage()));
            case ForbiddenException x -> message(ctx, 403, MessagePage.of("Not allowed", x.getMessage()));
            case UnauthorizedException x -> message(ctx, 401, MessagePage.of("Please log in", x.getMessage())
                    .with(new Link("/auth/sign_in", "Log in")));
            case UnprocessableException x -> message(ctx, 422, MessagePage.of("That did not work", x.getMessage()));
            case BadRequestException x -> message(ctx, 400, MessagePage.of("Bad request", x.getMessage()));
        }
    }

    private static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes <= 1 ? "a minute" : minutes + " minutes";
    }
}
