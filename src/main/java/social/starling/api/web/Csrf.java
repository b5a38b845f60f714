package social.starling.api.web;

import io.javalin.http.Context;
import java.time.Duration;
import social.starling.support.Hashes;
import social.starling.support.Secrets;

/**
 * Double-submit CSRF protection: a random token in the HttpOnly cookie {@code _starling_csrf} and the same token in
 * every form's hidden {@code authenticity_token} field (Rails' name). Another site can make a browser post a form
 * with the cookie attached, but cannot read the token to put it in the field, so a POST whose field does not match
 * its cookie is refused before anything changes.
 */
final class Csrf {
    static final String FIELD = "authenticity_token";
    private static final String ATTRIBUTE = "starling.csrf";
    private static final Duration LIFETIME = Duration.ofDays(30);

    private final Cookies cookies;

    Csrf(Cookies cookies) {
        this.cookies = cookies;
    }

    /** This browser's token, creating it (and its cookie) on first use. */
    String token(Context ctx) {
        String known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String cookie = cookies.get(ctx, Cookies.CSRF);
        if (wellFormed(cookie)) {
            ctx.attribute(ATTRIBUTE, cookie);
            return cookie;
        }
        return rotate(ctx);
    }

    /** A fresh token; called on sign-in so a token planted before it is worthless after it. */
    String rotate(Context ctx) {
        String token = Secrets.token(32);
        cookies.set(ctx, Cookies.CSRF, token, LIFETIME);
        ctx.attribute(ATTRIBUTE, token);
        return token;
    }

    /** Does this POST carry the token of its own cookie? */
    boolean valid(Context ctx) {
        String cookie = cookies.get(ctx, Cookies.CSRF);
        String field = ctx.formParam(FIELD);
        return wellFormed(cookie) && field != null && Hashes.constantTimeEquals(cookie, field.trim());
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() >= 32 && token.length() <= 100
                && token.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_');
    }
}
