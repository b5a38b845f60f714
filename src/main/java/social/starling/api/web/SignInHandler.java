package social.starling.api.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import social.starling.model.User;
import social.starling.service.security.LoginService;

/**
 * {@code GET /auth/sign_in}, {@code POST /auth/sign_in} (fields {@code user[email]}, an e-mail address or username,
 * and {@code user[password]}) and {@code POST /auth/sign_out}. A login that is not usable yet (unconfirmed, pending,
 * disabled) is refused with the reason. After signing in, the browser goes back where it was sent from.
 */
final class SignInHandler {
    /** Notices chosen by a fixed key, so a link cannot make the page say anything else. */
    private static final Map<String, String> NOTICES = Map.of(
            "password_changed", "Your password was changed. Log in with your new password.");

    private final LoginService logins;
    private final WebSession session;
    private final Pages pages;

    SignInHandler(LoginService logins, WebSession session, Pages pages) {
        this.logins = logins;
        this.session = session;
        this.pages = pages;
    }

    void form(Context ctx) {
        if (session.user(ctx).filter(u -> u.user().functional()).isPresent()) {
            ctx.redirect(session.takeReturnTo(ctx));
            return;
        }
        String notice = NOTICES.get(String.valueOf(ctx.queryParam("notice")));
        pages.render(ctx, 200, "sign_in.jte", "Log in", new SignInPage(null, notice, List.of()));
    }

    void submit(Context ctx) {
        String login = Optional.ofNullable(ctx.formParam("user[email]")).map(String::strip).orElse("");
        Optional<User> user = logins.verify(login, ctx.formParam("user[password]"), ctx.ip());
        if (user.isEmpty()) {
            pages.render(ctx, 422, "sign_in.jte", "Log in",
                    new SignInPage(login, null, List.of("Invalid e-mail address, username or password.")));
            return;
        }
        List<String> problems = LoginState.problems(user.get());
        if (!problems.isEmpty()) {
            pages.render(ctx, 403, "sign_in.jte", "Log in", new SignInPage(login, null, problems));
            return;
        }
        session.signIn(ctx, user.get().accountId());
        ctx.redirect(session.takeReturnTo(ctx));
    }

    void signOut(Context ctx) {
        session.signOut(ctx);
        ctx.redirect("/");
    }
}
