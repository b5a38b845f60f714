package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.WebTesting.exists;
import static social.starling.api.web.WebTesting.signUpFields;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Role;
import social.starling.testing.TestApp;

/** When sign-ups are closed: a clear 403 page; an invite still works, as on Mastodon. */
class ClosedSignUpTest {
    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_REGISTRATIONS", "closed")
            .with("STARLING_SIGNUPS_PER_IP_PER_HOUR", "100");

    @Test
    void theSignUpPageSaysSignUpsAreClosed() {
        WebClient browser = new WebClient(server.baseUrl());
        WebClient.Page page = browser.get("/auth/sign_up");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.doc().selectFirst("h1").text()).isEqualTo("Sign-ups are closed");
        assertThat(page.doc().select("form[action=/auth]")).isEmpty();

        WebClient.Page landing = browser.get("/");
        assertThat(landing.text()).contains("Sign-ups are closed");
        assertThat(landing.doc().select("main a[href=/auth/sign_up]")).isEmpty();
    }

    @Test
    void postingTheFormAnywayIs403AndCreatesNothing() {
        WebClient browser = new WebClient(server.baseUrl());
        browser.get("/auth/sign_in"); // any form page gives the browser its CSRF cookie
        Map<String, String> fields = signUpFields("crake");
        fields.put("authenticity_token", browser.cookie("_starling_csrf").orElseThrow());
        WebClient.Page page = browser.post("/auth", fields);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("Sign-ups are closed");
        assertThat(exists(server.app(), "crake")).isFalse();
    }

    @Test
    void anInviteStillOpensTheForm() {
        long admin = server.fixtures().account("keeper", Role.ADMIN).id();
        String code = server.app().accounts().invites().create(admin, 1, null).code();
        WebClient browser = new WebClient(server.baseUrl());
        assertThat(browser.get("/auth/sign_up?invite=wrong").status()).isEqualTo(403);
        WebClient.Page form = browser.get("/auth/sign_up?invite=" + code);
        assertThat(form.status()).isEqualTo(200);
        WebClient.Page done = browser.submit(form.form("/auth"), signUpFields("rail"));
        assertThat(done.status()).as(done.toString()).isEqualTo(302);
        assertThat(exists(server.app(), "rail")).isTrue();
    }
}
