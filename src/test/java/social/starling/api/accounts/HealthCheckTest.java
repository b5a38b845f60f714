package social.starling.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.HttpResult;
import social.starling.testing.TestApp;

/** GET /health answers as Mastodon's HealthController: 200 with the plain text "OK". */
class HealthCheckTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    @Test
    void healthIsPlainOk() {
        HttpResult r = server.http().get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("OK");
        assertThat(r.header("Content-Type").orElseThrow()).startsWith("text/plain");
    }
}
