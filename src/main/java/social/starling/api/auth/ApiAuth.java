package social.starling.api.auth;

import io.javalin.http.Context;
import java.util.Optional;
import social.starling.errors.ForbiddenException;
import social.starling.errors.UnauthorizedException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Permission;
import social.starling.model.oauth.Scopes;
import social.starling.service.oauth.Caller;
import social.starling.service.oauth.TokenAuthenticator;

/**
 * "Who" for API handlers, with Mastodon's checks and messages (Api::BaseController): a missing or bad token is
 * 401 "The access token is invalid"; a token without the scope is 403 "This action is outside the authorized
 * scopes"; an app token where a user is needed is 422; an unconfirmed, pending or disabled login is 403.
 */
public final class ApiAuth {
    private static final String CALLER = "starling.caller";

    private final TokenAuthenticator tokens;

    public ApiAuth(TokenAuthenticator tokens) {
        this.tokens = tokens;
    }

    /** The bearer token from the Authorization header, or the {@code access_token} parameter as Doorkeeper allows. */
    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        String param = ctx.queryParam("access_token");
        return param == null || param.isBlank() ? null : param;
    }

    /** The bearer token as the client sent it (a Web Push subscription keeps it, as Mastodon's does). */
    public static String bearerToken(Context ctx) {
        return bearer(ctx);
    }

    /**
     * The caller behind {@code token} if it is a user token of a working login (confirmed, approved, enabled): what
     * streaming accepts, whichever way the token came (header, query, WebSocket sub-protocol).
     */
    public Optional<Caller> streamingUser(String token) {
        return tokens.authenticate(token).filter(Caller::hasUser)
                .filter(c -> c.user().functional() && !c.account().suspended());
    }

    /** The bearer token of a request (header, or the {@code access_token} parameter), or null. */
    public static String bearerOf(Context ctx) {
        return bearer(ctx);
    }

    /** The caller if a valid token came with the request; public endpoints ignore a bad token, as Mastodon does. */
    public Optional<Caller> optional(Context ctx) {
        Caller cached = ctx.attribute(CALLER);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Caller> caller = tokens.authenticate(bearer(ctx));
        caller.ifPresent(c -> ctx.attribute(CALLER, c));
        return caller;
    }

    /** The caller's account if a valid user token came with the request. */
    public Optional<Caller> optionalUser(Context ctx) {
        return optional(ctx).filter(Caller::hasUser).filter(c -> c.user().functional());
    }

    /** Any valid token (app or user) holding one of {@code scopes}. */
    public Caller app(Context ctx, String... scopes) {
        Caller caller = optional(ctx).orElseThrow(() -> new UnauthorizedException("The access token is invalid"));
        if (scopes.length > 0 && !Scopes.satisfiesAny(caller.token().scopes(), scopes)) {
            throw new ForbiddenException("This action is outside the authorized scopes");
        }
        return caller;
    }

    /** A user token holding one of {@code scopes}, for a login that is confirmed, approved and enabled. */
    public Caller user(Context ctx, String... scopes) {
        Caller caller = app(ctx, scopes);
        if (!caller.hasUser()) {
            throw new UnprocessableException("This method requires an authenticated user");
        }
        if (!caller.user().confirmed()) {
            throw new ForbiddenException("Your login is missing a confirmed e-mail address");
        }
        if (!caller.user().approved()) {
            throw new ForbiddenException("Your login is currently pending approval");
        }
        if (caller.user().disabled() || caller.account().suspended()) {
            throw new ForbiddenException("Your login is currently disabled");
        }
        return caller;
    }

    /**
     * A staff member's user token holding one of {@code scopes} (the admin scopes), whose role grants
     * {@code permission}: anyone else is 403 "This action is not allowed", as Mastodon answers.
     */
    public Caller staff(Context ctx, Permission permission, String... scopes) {
        Caller caller = user(ctx, scopes);
        if (!caller.user().role().can(permission)) {
            throw new ForbiddenException("This action is not allowed");
        }
        return caller;
    }
}
