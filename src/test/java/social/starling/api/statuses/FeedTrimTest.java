package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** The recurring trim keeps the newest STARLING_FEED_MAX_ITEMS entries of each home feed and no more. */
class FeedTrimTest {
    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_FEED_MAX_ITEMS", "20");

    @Test
    void trimKeepsTheNewestEntriesOfOverfullFeeds() {
        server.fixtures().account("alice");
        server.fixtures().account("bob");
        server.fixtures().account("carol");
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        HttpTester alice = client.as("alice", "read write follow");
        HttpTester bob = client.as("bob", "read write follow");
        HttpTester carol = client.as("carol", "read write follow");
        String aliceId = alice.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
        assertThat(bob.post("/api/v1/accounts/" + aliceId + "/follow").status()).isEqualTo(200);

        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            posted.add(alice.postJson("/api/v1/statuses", "{\"status\": \"post " + i + "\"}").json().get("id")
                    .asText());
        }
        String carolsOnly = carol.postJson("/api/v1/statuses", "{\"status\": \"just one\"}").json().get("id")
                .asText();
        Await.until(() -> bob.get("/api/v1/timelines/home?limit=40").json().size() == 26);

        int removed = server.app().statuses().homeFeed().trim();

        assertThat(removed).isEqualTo(12); // 6 from alice's own feed, 6 from bob's
        List<String> newest = posted.subList(6, 26).reversed();
        assertThat(ids(bob.get("/api/v1/timelines/home?limit=40").json()))
                .containsExactlyElementsOf(newest);
        assertThat(ids(alice.get("/api/v1/timelines/home?limit=40").json()))
                .containsExactlyElementsOf(newest);
        assertThat(ids(carol.get("/api/v1/timelines/home").json())).containsExactly(carolsOnly);
        assertThat(server.app().statuses().homeFeed().trim()).isZero();
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.forEach(s -> out.add(s.get("id").asText()));
        return out;
    }
}
