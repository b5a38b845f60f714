package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.WebTesting.STRONG_PASSWORD;
import static social.starling.api.web.WebTesting.confirmationLink;
import static social.starling.api.web.WebTesting.exists;
import static social.starling.api.web.WebTesting.signIn;
import static social.starling.api.web.WebTesting.signUp;
import static social.starling.api.web.WebTesting.signUpFields;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.TestApp;

/** Sign-up when anyone may join: the form, its errors, the confirmation link, and CSRF protection. */
class OpenSignUpTest {
    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_REGISTRATIONS", "open")
            .with("STARLING_SIGNUPS_PER_IP_PER_HOUR", "100");

    @Test
    void signUpThenConfirmThenSignIn() {
        WebClient browser = new WebClient(server.baseUrl());
        WebClient.Page form = browser.get("/auth/sign_up");
        Document doc = form.doc();
        assertThat(form.text()).contains("Sign-ups are open");
        String frontDoor = browser.get("/").text();
        assertThat(frontDoor).contains("Sign-ups are open. Anyone can sign up.");
        assertThat(frontDoor.split("Anyone can sign up", -1)).as("said once on the front door").hasSize(2);
        assertThat(doc.select("label[for=user_username]")).isNotEmpty();
        assertThat(doc.select("input[name=user[agreement]][type=checkbox]")).isNotEmpty();
        assertThat(doc.select("[name=user[reason]], [name=user[invite_code]], [name=user[date_of_birth]]")).isEmpty();
        assertThat(form.setCookies()).anySatisfy(c -> assertThat(c).startsWith("_starling_csrf=")
                .contains("HttpOnly", "SameSite=Lax", "Path=/"));

        WebClient.Page done = browser.submit(form.form("/auth"), signUpFields("robin"));
        assertThat(done.status()).as(done.toString()).isEqualTo(302);
        assertThat(done.location()).contains("/auth/setup");
        assertThat(browser.get("/auth/setup").text()).contains("Check your e-mail");

        var login = server.app().accounts().admin().find("robin");
        assertThat(login.user().confirmed()).isFalse();
        assertThat(login.user().approved()).isTrue();

        WebClient.Page refused = signIn(browser, "robin@example.test", STRONG_PASSWORD);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("You have to confirm your e-mail address before continuing.");

        String link = confirmationLink(server.app(), "robin");
        WebClient.Page confirmed = browser.get(link);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text()).contains("Your e-mail address is confirmed", "Your account is ready")
                .doesNotContain("waiting for review");
        assertThat(browser.get(link).status()).as("a link works once").isEqualTo(404);
        assertThat(browser.get("/auth/confirmation?confirmation_token=nonsense").status()).isEqualTo(404);

        WebClient.Page in = signIn(browser, "robin", STRONG_PASSWORD);
        assertThat(in.status()).as(in.toString()).isEqualTo(302);
        assertThat(in.location()).as("a member lands in the web client").contains("/web/home");
        assertThat(browser.get("/").doc().select(".whoami").text()).isEqualTo("@robin");
    }

    @Test
    void badInputKeepsTheValuesShowsTheErrorsAndCreatesNothing() {
        WebClient browser = new WebClient(server.baseUrl());
        Map<String, String> fields = signUpFields("x");
        fields.put("user[username]", "not valid!");
        fields.put("user[email]", "wren@example.test");
        fields.put("user[password]", "short");
        fields.put("user[password_confirmation]", "short");
        fields.remove("user[agreement]");
        WebClient.Page page = signUp(browser, fields);

        assertThat(page.status()).isEqualTo(422);
        Document doc = page.doc();
        assertThat(doc.selectFirst("#user_username").attr("value")).isEqualTo("not valid!");
        assertThat(doc.selectFirst("#user_username").attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.selectFirst("#user_email").attr("value")).isEqualTo("wren@example.test");
        assertThat(doc.selectFirst("#user_password").hasAttr("value")).isFalse();
        assertThat(doc.selectFirst("#user_username-error").text()).containsIgnoringCase("letters, numbers and underscores");
        assertThat(doc.selectFirst("#user_password-error").text()).containsIgnoringCase("too short");
        assertThat(doc.selectFirst("#user_agreement-error").text()).containsIgnoringCase("must be accepted");
        assertThat(doc.select("[role=alert]")).isNotEmpty();
        assertThat(page.body()).doesNotContain("short\"");
        assertThat(exists(server.app(), "wren")).isFalse();
    }

    @Test
    void passwordConfirmationMustMatch() {
        WebClient browser = new WebClient(server.baseUrl());
        Map<String, String> fields = signUpFields("sparrow");
        fields.put("user[password_confirmation]", "something else entirely");
        WebClient.Page page = signUp(browser, fields);
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.doc().selectFirst("#user_password_confirmation-error").text()).contains("Doesn't match");
        assertThat(page.doc().selectFirst("#user_username").attr("value")).isEqualTo("sparrow");
        assertThat(exists(server.app(), "sparrow")).isFalse();
    }

    @Test
    void aTakenUsernameIsReportedNextToTheField() {
        server.fixtures().account("alice");
        WebClient.Page page = signUp(new WebClient(server.baseUrl()), signUpFields("alice"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.doc().selectFirst("#user_username-error").text()).contains("already taken");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        WebClient browser = new WebClient(server.baseUrl());
        Map<String, String> fields = signUpFields("starling_fan");

        WebClient.Page noToken = browser.post("/auth", fields);
        assertThat(noToken.status()).isEqualTo(422);
        assertThat(noToken.text()).contains("Invalid authenticity token");

        browser.get("/auth/sign_up"); // now the browser has a cookie, but the field is another browser's token
        fields.put("authenticity_token", "A".repeat(43));
        WebClient.Page wrongToken = browser.post("/auth", fields);
        assertThat(wrongToken.status()).isEqualTo(422);
        assertThat(exists(server.app(), "starling_fan")).isFalse();

        WebClient.Page signIn = browser.post("/auth/sign_in",
                WebClient.fields("user[email]", "alice", "user[password]", "x"));
        assertThat(signIn.status()).isEqualTo(422);
        assertThat(signIn.text()).contains("Invalid authenticity token");
    }
}
