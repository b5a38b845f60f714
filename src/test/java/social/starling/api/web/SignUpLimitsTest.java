package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.WebTesting.exists;
import static social.starling.api.web.WebTesting.signUp;
import static social.starling.api.web.WebTesting.signUpFields;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.TestApp;

/** Too many sign-ups from one address: a page with 429 and Retry-After, as the API answers. */
class SignUpLimitsTest {
    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_REGISTRATIONS", "open")
            .with("STARLING_SIGNUPS_PER_IP_PER_HOUR", "1");

    @Test
    void theSecondSignUpFromOneAddressWaits() {
        WebClient browser = new WebClient(server.baseUrl());
        assertThat(signUp(browser, signUpFields("first")).status()).isEqualTo(302);
        WebClient.Page second = signUp(browser, signUpFields("second"));
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(second.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(second.text()).contains("Too many sign-ups from this address");
        assertThat(exists(server.app(), "second")).isFalse();
    }
}
