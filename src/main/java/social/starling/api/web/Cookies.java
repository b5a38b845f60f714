package social.starling.api.web;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * Starling's own cookies, written as raw Set-Cookie headers so every attribute is explicit: always {@code Path=/},
 * {@code HttpOnly} and {@code SameSite=Lax}; {@code Secure} when the public URL is https. Values must be
 * cookie-safe (the tokens are base64url; other values are URL-encoded by the caller).
 */
final class Cookies {
    static final String SESSION = "_starling_session";
    static final String CSRF = "_starling_csrf";
    static final String RETURN_TO = "_starling_return_to";

    private final boolean secure;

    Cookies(boolean secure) {
        this.secure = secure;
    }

    String get(Context ctx, String name) {
        return ctx.cookie(name);
    }

    void set(Context ctx, String name, String value, Duration maxAge) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }

    void clear(Context ctx, String name) {
        ctx.res().addHeader("Set-Cookie", name + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }
}
