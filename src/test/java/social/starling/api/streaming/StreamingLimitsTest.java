package social.starling.api.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Fixtures;
import social.starling.testing.StreamClient;
import social.starling.testing.TestApp;

/** At most STARLING_STREAMING_MAX_PER_TOKEN connections per token: one more is refused (429, or closed). */
class StreamingLimitsTest {
    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_STREAMING_MAX_PER_TOKEN", "2")
            .with("STARLING_STREAMING_KEEPALIVE_SECONDS", "1");

    @Test
    void aTokenBeyondItsConnectionsIsRefusedAndAnotherTokenIsNot() {
        server.fixtures().account("alice");
        ApiClient client = ApiClient.register(server.http(), "read");
        String token = client.login("alice", Fixtures.PASSWORD, "read");
        // The two places are taken by event streams, which are counted before their 200 is sent: a socket's
        // handshake completes before the server counts it, so a socket here raced the third request.
        try (StreamClient one = StreamClient.sse(server.baseUrl(), "/api/v1/streaming/user", token);
             StreamClient two = StreamClient.sse(server.baseUrl(), "/api/v1/streaming/public", token)) {
            HttpResponse<InputStream> third = StreamClient.sseResponse(server.baseUrl(),
                    "/api/v1/streaming/public", token);
            assertThat(third.statusCode()).isEqualTo(429);
            try (StreamClient fourth = StreamClient.socket(server.baseUrl(), token, "stream=public")) {
                assertThat(fourth.closeCode()).isEqualTo(1008);
            }
            String other = ApiClient.register(server.http(), "read").login("alice", Fixtures.PASSWORD, "read");
            assertThat(other).isNotEqualTo(token);
            try (StreamClient fine = StreamClient.sse(server.baseUrl(), "/api/v1/streaming/public", other)) {
                assertThat(server.http().get("/api/v1/streaming/health").status()).isEqualTo(200);
            }
        }
        // Closed connections give their places back (an event stream's end is seen at its next keep-alive).
        Await.until(() -> {
            HttpResponse<InputStream> again = StreamClient.sseResponse(server.baseUrl(), "/api/v1/streaming/public",
                    token);
            try (InputStream body = again.body()) {
                return again.statusCode() == 200;
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }
}
