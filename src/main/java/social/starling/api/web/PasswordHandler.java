package social.starling.api.web;

import io.javalin.http.Context;
import java.util.Set;
import social.starling.errors.UnprocessableException;
import social.starling.service.account.PasswordResetService;

/**
 * "Forgot your password?": {@code GET /auth/password/new} and {@code POST /auth/password} ask for a link, and always
 * answer the same page, so nobody learns whether an address has an account; {@code GET /auth/password/edit} and
 * {@code POST /auth/password/edit} choose the new password with the link's token.
 */
final class PasswordHandler {
    private static final Set<String> FIELDS = Set.of("password", "password_confirmation");

    private final PasswordResetService reset;
    private final Pages pages;

    PasswordHandler(PasswordResetService reset, Pages pages) {
        this.reset = reset;
        this.pages = pages;
    }

    void newForm(Context ctx) {
        pages.render(ctx, 200, "password_new.jte", "Reset your password", new PasswordNewPage());
    }

    void request(Context ctx) {
        reset.request(ctx.formParam("user[email]"));
        pages.message(ctx, 200, MessagePage.of("Check your e-mail",
                "If this address belongs to an account here, a link to choose a new password is on its way. It "
                        + "works for two hours.",
                "No e-mail after a few minutes? Look in your spam folder, or check that you typed the address you "
                        + "signed up with.").with(new Link("/auth/sign_in", "Back to log in")));
    }

    void editForm(Context ctx) {
        String token = ctx.queryParam("reset_password_token");
        if (!reset.linkValid(token)) {
            invalidLink(ctx);
            return;
        }
        pages.render(ctx, 200, "password_edit.jte", "Choose a new password",
                new PasswordEditPage(token, FormErrors.NONE));
    }

    void update(Context ctx) {
        String token = ctx.formParam("reset_password_token");
        String password = ctx.formParam("user[password]");
        if (password != null && !password.equals(ctx.formParam("user[password_confirmation]"))) {
            pages.render(ctx, 422, "password_edit.jte", "Choose a new password", new PasswordEditPage(token,
                    FormErrors.field("password_confirmation", "Doesn't match the password.")));
            return;
        }
        if (!reset.linkValid(token)) {
            invalidLink(ctx);
            return;
        }
        try {
            reset.reset(token, password);
        } catch (UnprocessableException e) {
            if (e.details().isEmpty()) {
                invalidLink(ctx); // the token was used or expired in between
            } else {
                pages.render(ctx, 422, "password_edit.jte", "Choose a new password",
                        new PasswordEditPage(token, FormErrors.of(e, FIELDS)));
            }
            return;
        }
        ctx.redirect("/auth/sign_in?notice=password_changed");
    }

    private void invalidLink(Context ctx) {
        pages.message(ctx, 404, MessagePage.of("This link does not work",
                "The password reset link is unknown, was already used, or has expired. You can ask for a new one.")
                .with(new Link("/auth/password/new", "Ask for a new link")));
    }
}
