package social.starling.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Bodies and headers a server must survive: a clear 4xx with a JSON error, never a 500 or an HTML page. */
class MalformedRequestTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester alice;

    @BeforeAll
    static void accounts() {
        server.fixtures().account("alice");
        alice = ApiClient.register(server.http(), "read write follow").as("alice", "read write follow");
    }

    @Test
    void aBrokenMultipartBodyIsA400() {
        for (String type : new String[]{"multipart/form-data; boundary=xyz", "multipart/form-data",
                "multipart/form-data; boundary="}) {
            HttpResult r = alice.send("POST", "/api/v1/statuses", Map.of("Content-Type", type),
                    "--abc\r\nContent-Disposition: form-data; name=\"status\"\r\n\r\nhello");
            assertThat(r.status()).as(type + " → " + r.body()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).isNotBlank();
        }
    }

    @Test
    void anOversizedHeaderIsA431WithJson() {
        HttpResult r = alice.send("GET", "/api/v1/timelines/home", Map.of("X-Big", "a".repeat(64 * 1024)), null);
        assertThat(r.status()).isEqualTo(431);
        assertThat(r.header("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.json().get("error").asText()).isNotBlank();
    }
}
