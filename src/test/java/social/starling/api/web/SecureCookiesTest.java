package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.TestApp;

/** Behind https (as every public server is), Starling's cookies are Secure. */
class SecureCookiesTest {
    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_PROTOCOL", "https");

    @Test
    void cookiesAreSecureWhenThePublicUrlIsHttps() {
        // The test server itself listens on plain http; only the public URL is https.
        WebClient browser = new WebClient("http://localhost:" + server.app().port());
        WebClient.Page form = browser.get("/auth/sign_in");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.setCookies()).anySatisfy(c -> assertThat(c).startsWith("_starling_csrf=")
                .contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/"));
    }
}
