package social.starling.api.web;

import io.javalin.http.Context;
import java.util.Optional;
import social.starling.service.account.AccountQueryService;
import social.starling.service.account.ConfirmEmailService;

/** {@code GET /auth/confirmation?confirmation_token=...}: the link from the confirmation e-mail. */
final class ConfirmationHandler {
    private final ConfirmEmailService confirmEmail;
    private final AccountQueryService accounts;
    private final Pages pages;

    ConfirmationHandler(ConfirmEmailService confirmEmail, AccountQueryService accounts, Pages pages) {
        this.confirmEmail = confirmEmail;
        this.accounts = accounts;
        this.pages = pages;
    }

    void confirm(Context ctx) {
        Optional<Long> confirmed = confirmEmail.confirm(ctx.queryParam("confirmation_token"));
        if (confirmed.isEmpty()) {
            pages.message(ctx, 404, MessagePage.of("This link does not work",
                    "The confirmation link is unknown, was already used, or has expired. If your address is "
                            + "already confirmed, just log in.").with(new Link("/auth/sign_in", "Log in")));
            return;
        }
        boolean approved = accounts.self(confirmed.get()).user().approved();
        MessagePage page = approved
                ? MessagePage.of("Your e-mail address is confirmed", "Thank you. Your account is ready.")
                : MessagePage.of("Your e-mail address is confirmed",
                        "Thank you. Your application is still waiting for review by the staff of this server. "
                                + "You will get an e-mail once it is approved; then you can log in.");
        pages.message(ctx, 200, page.with(new Link("/auth/sign_in", "Log in")));
    }
}
