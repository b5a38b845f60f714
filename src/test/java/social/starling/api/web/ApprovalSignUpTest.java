package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.WebTesting.STRONG_PASSWORD;
import static social.starling.api.web.WebTesting.confirmationLink;
import static social.starling.api.web.WebTesting.exists;
import static social.starling.api.web.WebTesting.signIn;
import static social.starling.api.web.WebTesting.signUp;
import static social.starling.api.web.WebTesting.signUpFields;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.TestApp;

/** Sign-up when staff review applications, with a minimum age. */
class ApprovalSignUpTest {
    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_REGISTRATIONS", "approval")
            .with("STARLING_MIN_AGE", "16")
            .with("STARLING_SIGNUPS_PER_IP_PER_HOUR", "100");

    @Test
    void anApplicationWaitsForReviewThenWorks() {
        WebClient browser = new WebClient(server.baseUrl());
        WebClient.Page form = browser.get("/auth/sign_up");
        assertThat(form.text()).contains("Sign-ups are reviewed by the staff");
        assertThat(form.doc().select("textarea[name=user[reason]]")).isNotEmpty();
        assertThat(form.doc().select("input[name=user[date_of_birth]][type=date]")).isNotEmpty();

        Map<String, String> fields = signUpFields("heron");
        fields.put("user[reason]", "I photograph herons.");
        fields.put("user[date_of_birth]", "1990-04-01");
        WebClient.Page done = browser.submit(form.form("/auth"), fields);
        assertThat(done.status()).as(done.toString()).isEqualTo(302);
        assertThat(done.location()).contains("/auth/setup?review=1");
        assertThat(browser.get(done.location().get()).text()).contains("Check your e-mail", "waiting for review");

        WebClient.Page refused = signIn(browser, "heron@example.test", STRONG_PASSWORD);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("Your login is currently pending approval");
        assertThat(refused.doc().selectFirst("#user_email").attr("value")).isEqualTo("heron@example.test");

        WebClient.Page confirmed = browser.get(confirmationLink(server.app(), "heron"));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text()).contains("Your e-mail address is confirmed", "still waiting for review");
        WebClient.Page stillPending = signIn(browser, "heron", STRONG_PASSWORD);
        assertThat(stillPending.status()).isEqualTo(403);
        assertThat(stillPending.text()).contains("pending approval")
                .doesNotContain("You have to confirm your e-mail address");

        server.app().accounts().admin().approve(server.app().accounts().instanceActor().ensure().id(), "heron");
        WebClient.Page in = signIn(browser, "heron", STRONG_PASSWORD);
        assertThat(in.status()).as(in.toString()).isEqualTo(302);
        assertThat(browser.get("/").doc().select(".whoami").text()).isEqualTo("@heron");
    }

    @Test
    void theReasonAndTheDateOfBirthAreRequired() {
        WebClient browser = new WebClient(server.baseUrl());
        Map<String, String> fields = signUpFields("egret");
        fields.put("user[date_of_birth]", java.time.LocalDate.now().minusYears(10).toString());
        WebClient.Page page = signUp(browser, fields);
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.doc().selectFirst("#user_reason-error").text()).containsIgnoringCase("can't be blank");
        assertThat(page.doc().selectFirst("#user_date_of_birth-error").text()).contains("below the age limit");
        assertThat(page.doc().selectFirst("#user_username").attr("value")).isEqualTo("egret");
        assertThat(exists(server.app(), "egret")).isFalse();
    }
}
