package social.starling.api.web;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import social.starling.service.security.SessionService;
import social.starling.service.security.SessionService.WebUser;

/**
 * Who this browser is: the signed-in session (cookie {@code _starling_session}, 30 days), and where to go back to
 * after signing in (cookie {@code _starling_return_to}, an hour; only same-origin paths, so it cannot become an
 * open redirect).
 */
final class WebSession {
    private static final String ATTRIBUTE = "starling.webUser";
    private static final Duration RETURN_TO_LIFETIME = Duration.ofHours(1);
    /** Where a member lands after signing in when no page asked for it: the web client. */
    static final String HOME = "/web/home";

    private final SessionService sessions;
    private final Cookies cookies;
    private final Csrf csrf;

    WebSession(SessionService sessions, Cookies cookies, Csrf csrf) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.csrf = csrf;
    }

    /** The signed-in account and login, looked up once per request. */
    Optional<WebUser> user(Context ctx) {
        Optional<WebUser> known = ctx.attribute(ATTRIBUTE);
        if (known == null) {
            known = sessions.find(cookies.get(ctx, Cookies.SESSION));
            ctx.attribute(ATTRIBUTE, known);
        }
        return known;
    }

    /** The session as stored now (not the per-request memo). */
    Optional<WebUser> lookUpAgain(Context ctx) {
        return sessions.find(cookies.get(ctx, Cookies.SESSION));
    }

    /** Ends the account's other sessions; this browser's stays. */
    void endOthers(Context ctx, long accountId) {
        sessions.endOthers(cookies.get(ctx, Cookies.SESSION), accountId);
    }

    /** Replaces any earlier session of this browser with a new one, and a new CSRF token. */
    void signIn(Context ctx, long accountId) {
        sessions.end(cookies.get(ctx, Cookies.SESSION));
        String id = sessions.start(accountId, truncate(ctx.userAgent(), 512), truncate(ctx.ip(), 64));
        cookies.set(ctx, Cookies.SESSION, id, SessionService.LIFETIME);
        csrf.rotate(ctx);
        ctx.attribute(ATTRIBUTE, null);
    }

    void signOut(Context ctx) {
        sessions.end(cookies.get(ctx, Cookies.SESSION));
        cookies.clear(ctx, Cookies.SESSION);
        ctx.attribute(ATTRIBUTE, Optional.empty());
    }

    /** Remembers a same-origin path to return to after signing in; anything else is ignored. */
    void rememberReturnTo(Context ctx, String path) {
        if (safePath(path)) {
            cookies.set(ctx, Cookies.RETURN_TO, URLEncoder.encode(path, StandardCharsets.UTF_8), RETURN_TO_LIFETIME);
        }
    }

    /** The remembered path (and forgets it), or the web client's home. */
    String takeReturnTo(Context ctx) {
        String stored = cookies.get(ctx, Cookies.RETURN_TO);
        if (stored == null) {
            return HOME;
        }
        cookies.clear(ctx, Cookies.RETURN_TO);
        String path;
        try {
            path = URLDecoder.decode(stored, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return HOME;
        }
        return safePath(path) ? path : HOME;
    }

    /**
     * A path on this server: starts with one {@code /}, not {@code //} or {@code /\} (which browsers read as
     * another host), no control characters or spaces, not absurdly long.
     */
    static boolean safePath(String path) {
        if (path == null || path.isEmpty() || path.length() > 4000 || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        return path.chars().noneMatch(c -> c <= 0x20 || c == 0x7f || c == '\\');
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
