package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.WebTesting.emailToken;
import static social.starling.api.web.WebTesting.signIn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.service.account.EmailTokens;
import social.starling.testing.Fixtures;
import social.starling.testing.TestApp;

/** "Forgot your password?", from asking for a link to logging in with the new password. */
class PasswordResetTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    @Test
    void askingNeverRevealsWhetherAnAddressHasAnAccount() {
        server.fixtures().account("alice");
        WebClient browser = new WebClient(server.baseUrl());
        WebClient.Page known = ask(browser, "alice@example.test");
        WebClient.Page unknown = ask(browser, "nobody@example.test");
        assertThat(known.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(known.text()).isEqualTo(unknown.text()).contains("If this address belongs to an account");
    }

    @Test
    void aResetLinkSetsANewPasswordOnce() {
        server.fixtures().account("bob");
        String token = emailToken(server.app(), "bob", EmailTokens.RESET);
        WebClient browser = new WebClient(server.baseUrl());
        String link = "/auth/password/edit?reset_password_token=" + token;

        WebClient.Page form = browser.get(link);
        assertThat(form.status()).isEqualTo(200);
        WebClient.Page mismatch = browser.submit(form.form("/auth/password/edit"), WebClient.fields(
                "user[password]", "a brand new passphrase", "user[password_confirmation]", "something else"));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.doc().selectFirst("#user_password_confirmation-error")).isNotNull();

        WebClient.Page tooShort = browser.submit(mismatch.form("/auth/password/edit"), WebClient.fields(
                "user[password]", "short", "user[password_confirmation]", "short"));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.doc().selectFirst("#user_password-error").text()).contains("too short");

        WebClient.Page done = browser.submit(tooShort.form("/auth/password/edit"), WebClient.fields(
                "user[password]", "a brand new passphrase", "user[password_confirmation]", "a brand new passphrase"));
        assertThat(done.status()).as(done.toString()).isEqualTo(302);
        assertThat(done.location()).contains("/auth/sign_in?notice=password_changed");
        assertThat(browser.get(done.location().get()).text()).contains("Your password was changed");

        assertThat(signIn(browser, "bob", Fixtures.PASSWORD).status()).as("old password").isEqualTo(422);
        assertThat(signIn(browser, "bob", "a brand new passphrase").status()).isEqualTo(302);
        assertThat(browser.get(link).status()).as("the link works once").isEqualTo(404);
    }

    @Test
    void anUnknownLinkIsAnInvalidPage() {
        WebClient.Page page = new WebClient(server.baseUrl()).get("/auth/password/edit?reset_password_token=nope");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.doc().select("a[href=/auth/password/new]")).isNotEmpty();
    }

    private static WebClient.Page ask(WebClient browser, String email) {
        WebClient.Page form = browser.get("/auth/password/new");
        return browser.submit(form.form("/auth/password"), WebClient.fields("user[email]", email));
    }
}
