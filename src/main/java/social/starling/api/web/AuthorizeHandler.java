package social.starling.api.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import social.starling.model.oauth.Scopes;
import social.starling.service.oauth.TokenService;
import social.starling.service.security.SessionService.WebUser;

/**
 * OAuth's authorization endpoint as Mastodon serves it: {@code GET /oauth/authorize} shows the consent page (after
 * signing in), {@code POST /oauth/authorize} issues the code, {@code POST /oauth/authorize/deny} refuses. Both POSTs
 * re-check everything, since their hidden fields come from the browser.
 */
final class AuthorizeHandler {
    private final TokenService tokens;
    private final WebSession session;
    private final Pages pages;

    AuthorizeHandler(TokenService tokens, WebSession session, Pages pages) {
        this.tokens = tokens;
        this.session = session;
        this.pages = pages;
    }

    void show(Context ctx) {
        AuthorizeRequest request = AuthorizeRequest.from(ctx::queryParam);
        AuthorizeRequest.Valid valid = check(ctx, request);
        if (valid == null) {
            return;
        }
        // force_login (for adding a second account of the same server): sign out, then ask again. The remembered
        // URL drops the flag, or signing in would loop back here.
        if ("true".equals(ctx.queryParam("force_login"))) {
            session.signOut(ctx);
        }
        WebUser user = signedIn(ctx, "/oauth/authorize?" + withoutForceLogin(ctx.queryString()));
        if (user == null) {
            return;
        }
        AuthorizeRequest normalised = new AuthorizeRequest("code", request.clientId(), request.redirectUri(),
                Scopes.format(valid.scopes()), request.state(), request.challenge(), request.challengeMethod());
        pages.render(ctx, 200, "authorize.jte", "Authorize " + valid.app().name(), new AuthorizePage(
                valid.app().name(), valid.app().website(), user.account().username(),
                ScopeGroup.describe(valid.scopes()), request.redirectHost(), request.oob(), normalised));
    }

    void approve(Context ctx) {
        AuthorizeRequest request = AuthorizeRequest.from(ctx::formParam);
        AuthorizeRequest.Valid valid = check(ctx, request);
        if (valid == null) {
            return;
        }
        WebUser user = signedIn(ctx, "/oauth/authorize?" + query(request));
        if (user == null) {
            return;
        }
        String code = tokens.createCode(valid.app(), user.account().id(), request.redirectUri(), valid.scopes(),
                request.challenge(), request.challengeMethod());
        if (request.oob()) {
            pages.render(ctx, 200, "authorize_code.jte", "Authorization code",
                    new CodePage(valid.app().name(), code));
        } else {
            ctx.redirect(request.redirectWith("code", code));
        }
    }

    void deny(Context ctx) {
        AuthorizeRequest request = AuthorizeRequest.from(ctx::formParam);
        if (request.check(tokens) instanceof AuthorizeRequest.Invalid invalid) {
            invalid(ctx, invalid.message());
        } else if (request.oob()) {
            pages.message(ctx, 200, MessagePage.of("Access denied",
                    "You did not allow the app to use your account. You can close this page."));
        } else {
            ctx.redirect(request.redirectWith("error", "access_denied", "error_description",
                    "The resource owner or authorization server denied the request."));
        }
    }

    /** The checked request; on failure answers (400 page, or a redirect with the error) and returns null. */
    private AuthorizeRequest.Valid check(Context ctx, AuthorizeRequest request) {
        return switch (request.check(tokens)) {
            case AuthorizeRequest.Invalid invalid -> {
                invalid(ctx, invalid.message());
                yield null;
            }
            case AuthorizeRequest.Refused refused when request.oob() -> {
                invalid(ctx, refused.description() + " (" + refused.error() + ")");
                yield null;
            }
            case AuthorizeRequest.Refused refused -> {
                ctx.redirect(request.redirectWith("error", refused.error(), "error_description",
                        refused.description()));
                yield null;
            }
            case AuthorizeRequest.Valid valid -> valid;
        };
    }

    private void invalid(Context ctx, String message) {
        pages.message(ctx, 400, MessagePage.of("This app's request is not valid", message,
                "Nothing was shared with the app. Tell its developer, or try again from the app."));
    }

    /**
     * The signed-in user whose login works; otherwise sends the browser to sign in (remembering {@code returnTo})
     * or explains why the login cannot be used (as Mastodon sends such users to /auth/setup), and returns null.
     */
    private WebUser signedIn(Context ctx, String returnTo) {
        WebUser user = session.user(ctx).orElse(null);
        if (user == null) {
            session.rememberReturnTo(ctx, returnTo);
            ctx.redirect("/auth/sign_in");
            return null;
        }
        List<String> problems = LoginState.problems(user.user());
        if (!problems.isEmpty()) {
            pages.message(ctx, 403, new MessagePage("Your account cannot be used yet", problems, List.of()));
            return null;
        }
        return user;
    }

    private static String withoutForceLogin(String query) {
        if (query == null) {
            return "";
        }
        return Arrays.stream(query.split("&"))
                .filter(p -> !p.equals("force_login") && !p.startsWith("force_login="))
                .collect(Collectors.joining("&"));
    }

    /** The GET URL's query for a request that arrived as a form, to come back to it after signing in. */
    private static String query(AuthorizeRequest r) {
        String[] pairs = {"response_type", r.responseType(), "client_id", r.clientId(), "redirect_uri",
                r.redirectUri(), "scope", r.scope(), "state", r.state(), "code_challenge", r.codeChallenge(),
                "code_challenge_method", r.codeChallengeMethod()};
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isEmpty()) {
                query.append(query.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                        .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }
}
