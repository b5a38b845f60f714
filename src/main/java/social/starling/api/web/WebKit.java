package social.starling.api.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import social.starling.config.Config;
import social.starling.service.instance.InstanceService;
import social.starling.service.security.SessionService;
import social.starling.service.security.SessionService.WebUser;

/**
 * What page handlers outside this package (the web client in {@code api.web.client}) share with the pages here:
 * who this browser is signed in as, rendering a template in the layout, error pages, and CSRF-checked forms. The
 * cookies, session and CSRF classes stay private to this package; this is their only door.
 */
public final class WebKit {
    private final Pages pages;
    private final WebSession session;
    private final Csrf csrf;

    WebKit(Pages pages, WebSession session, Csrf csrf) {
        this.pages = pages;
        this.session = session;
        this.csrf = csrf;
    }

    public static WebKit create(Config config, InstanceService instance, SessionService sessions) {
        Cookies cookies = new Cookies("https".equalsIgnoreCase(config.server().protocol()));
        Csrf csrf = new Csrf(cookies);
        WebSession session = new WebSession(sessions, cookies, csrf);
        return new WebKit(new Pages(instance, session, csrf), session, csrf);
    }

    /** The signed-in account and login of this browser, if any. */
    public Optional<WebUser> user(Context ctx) {
        return session.user(ctx);
    }

    /**
     * The signed-in member whose login works (confirmed, approved, not disabled). Otherwise this answers — a
     * visitor is sent to sign in and brought back to this page; a login that cannot be used gets a 403 page saying
     * why — and returns null, so the caller just returns.
     */
    public WebUser member(Context ctx) {
        WebUser user = session.user(ctx).orElse(null);
        if (user == null) {
            if ("GET".equals(ctx.method().name())) {
                session.rememberReturnTo(ctx, ctx.queryString() == null ? ctx.path()
                        : ctx.path() + "?" + ctx.queryString());
            }
            ctx.redirect("/auth/sign_in");
            return null;
        }
        var problems = LoginState.problems(user.user());
        if (!problems.isEmpty()) {
            pages.message(ctx, 403, new MessagePage("Your account cannot be used yet", problems, java.util.List.of(
                    new Link("/", "Home"))));
            return null;
        }
        return user;
    }

    /**
     * Whether this browser's session still holds, looked up again rather than remembered for the request: for a
     * response that lasts (an event stream), which must end when the member signs out or the session expires.
     */
    public boolean stillSignedIn(Context ctx) {
        return session.lookUpAgain(ctx).isPresent();
    }

    /** Signs the member out everywhere but in this browser (after a password change). */
    public void endOtherSessions(Context ctx, long accountId) {
        session.endOthers(ctx, accountId);
    }

    /** Renders {@code template} in the shared layout (see {@link Pages#render}). */
    public void render(Context ctx, int status, String template, String pageTitle, Object page) {
        pages.render(ctx, status, template, pageTitle, page);
    }

    /** Renders {@code template} alone, with these parameters (a fragment for htmx to swap in). */
    public void fragment(Context ctx, String template, java.util.Map<String, Object> params) {
        pages.fragment(ctx, template, params);
    }

    public void message(Context ctx, int status, MessagePage page) {
        pages.message(ctx, status, page);
    }

    /** A page handler whose client-safe errors render as pages. */
    public Handler page(Handler handler) {
        return pages.page(handler);
    }

    /** A form's POST handler, refused with 422 before it runs without this browser's CSRF token. */
    public Handler form(Handler handler) {
        return pages.form(handler);
    }

    /** This browser's CSRF token, for a form field or an htmx header. */
    public String csrf(Context ctx) {
        return csrf.token(ctx);
    }

    /** Is {@code path} a path on this server, safe to redirect to (not {@code //host}, no control characters)? */
    public static boolean safePath(String path) {
        return WebSession.safePath(path);
    }
}
