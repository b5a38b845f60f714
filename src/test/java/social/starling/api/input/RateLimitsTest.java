package social.starling.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Mastodon's rate-limit headers on every API response, counted per token (and per address without one), and the
 * 429 with Retry-After past the limit; other tokens and the web pages are unaffected.
 */
class RateLimitsTest {
    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_API_RATE_LIMIT", "5")
            .with("STARLING_API_RATE_LIMIT_ANONYMOUS", "3");

    static ApiClient client;

    @BeforeAll
    static void accounts() {
        server.fixtures().account("alice");
        server.fixtures().account("bob");
        client = ApiClient.register(server.http(), "read write");
    }

    @Test
    void everyResponseCarriesTheHeadersAndTheLimitIsA429() {
        HttpTester alice = client.as("alice", "read write");
        for (int i = 1; i <= 5; i++) {
            HttpResult r = alice.get("/api/v1/timelines/home");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Limit")).contains("5");
            assertThat(r.header("X-RateLimit-Remaining")).contains(Integer.toString(5 - i));
            Instant reset = Instant.parse(r.header("X-RateLimit-Reset").orElseThrow());
            assertThat(reset).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(301));
        }
        HttpResult limited = alice.get("/api/v1/accounts/verify_credentials");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("X-RateLimit-Remaining")).contains("0");
        assertThat(limited.header("Retry-After")).isPresent();
        assertThat(limited.json().get("error").asText()).isEqualTo("Too many requests");

        HttpTester bob = client.as("bob", "read write");
        assertThat(bob.get("/api/v1/timelines/home").status()).as("another token has its own count").isEqualTo(200);
        assertThat(server.http().get("/about").header("X-RateLimit-Limit")).as("pages are not API").isEmpty();
    }

    @Test
    void withoutATokenTheAddressIsCounted() {
        HttpTester anonymous = server.http(); // the app registration in @BeforeAll counted here too
        HttpResult first = anonymous.get("/api/v1/timelines/public");
        assertThat(first.header("X-RateLimit-Limit")).contains("3");
        int remaining = Integer.parseInt(first.header("X-RateLimit-Remaining").orElseThrow());
        for (int i = 0; i < remaining; i++) {
            assertThat(anonymous.get("/api/v1/timelines/public").status()).isEqualTo(200);
        }
        assertThat(anonymous.get("/api/v2/instance").status()).isEqualTo(429);
    }
}
