package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import social.starling.App;
import social.starling.service.account.EmailTokens;

/** Shared steps of the web page tests. */
public final class WebTesting {
    public static final String STRONG_PASSWORD = "a long and unguessable passphrase";

    private WebTesting() {
    }

    /** Opens the sign-up form and submits it with these fields (on top of what the form holds). */
    public static WebClient.Page signUp(WebClient browser, Map<String, String> values) {
        WebClient.Page form = browser.get("/auth/sign_up");
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        return browser.submit(form.form("/auth"), values);
    }

    public static Map<String, String> signUpFields(String username) {
        return WebClient.fields("user[username]", username, "user[email]", username + "@example.test",
                "user[password]", STRONG_PASSWORD, "user[password_confirmation]", STRONG_PASSWORD,
                "user[agreement]", "1");
    }

    /** Opens the sign-in form and submits it. */
    public static WebClient.Page signIn(WebClient browser, String login, String password) {
        WebClient.Page form = browser.get("/auth/sign_in");
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        return browser.submit(form.form("/auth/sign_in"),
                WebClient.fields("user[email]", login, "user[password]", password));
    }

    /** A one-time e-mail link token, made as the mail job makes it (tests cannot read the hashed ones). */
    public static String emailToken(App app, String username, String purpose) {
        long id = app.accounts().admin().find(username).account().id();
        return app.core().db().inTransaction(tx -> app.accounts().emailTokens().create(tx, id, purpose, Duration.ofDays(1)));
    }

    public static String confirmationLink(App app, String username) {
        return "/auth/confirmation?confirmation_token=" + emailToken(app, username, EmailTokens.CONFIRM);
    }

    public static boolean exists(App app, String username) {
        try {
            app.accounts().admin().find(username);
            return true;
        } catch (social.starling.errors.NotFoundException e) {
            return false;
        }
    }
}
