package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Posting, reading, following and the home timeline, end to end. */
class StatusFlowTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester alice;
    static HttpTester bob;
    static String aliceId;

    @BeforeAll
    static void accounts() {
        server.fixtures().account("alice");
        server.fixtures().account("bob");
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        alice = client.as("alice", "read write follow");
        bob = client.as("bob", "read write follow");
        aliceId = alice.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
    }

    @Test
    void postFollowAndReadHome() {
        HttpResult follow = bob.post("/api/v1/accounts/" + aliceId + "/follow");
        assertThat(follow.status()).as(follow.body()).isEqualTo(200);
        assertThat(follow.json().get("following").asBoolean()).isTrue();

        // Literal paths under /api/v1/accounts/ must not be taken for an account id.
        HttpResult rel = bob.get("/api/v1/accounts/relationships?id[]=" + aliceId);
        assertThat(rel.status()).as(rel.body()).isEqualTo(200);
        assertThat(rel.json().get(0).get("following").asBoolean()).isTrue();

        HttpResult posted = alice.postJson("/api/v1/statuses",
                "{\"status\": \"Hello @bob, see https://example.com #starling\", \"visibility\": \"public\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        JsonNode status = posted.json();
        Golden.assertMatches("status.json", posted.body());
        assertThat(status.get("content").asText()).contains("class=\"u-url mention\"").contains("#<span>starling</span>");
        assertThat(status.get("mentions").get(0).get("username").asText()).isEqualTo("bob");
        assertThat(status.get("tags").get(0).get("name").asText()).isEqualTo("starling");
        String id = status.get("id").asText();

        Await.until(() -> bob.get("/api/v1/timelines/home").json().findValuesAsText("id").contains(id));
        assertThat(alice.get("/api/v1/timelines/home").json().get(0).get("id").asText()).isEqualTo(id);
        assertThat(server.http().get("/api/v1/statuses/" + id).json().get("id").asText()).isEqualTo(id);

        HttpResult deleted = alice.delete("/api/v1/statuses/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("text").asText()).isEqualTo("Hello @bob, see https://example.com #starling");
        assertThat(server.http().get("/api/v1/statuses/" + id).status()).isEqualTo(404);
        assertThat(bob.get("/api/v1/timelines/home").json().findValuesAsText("id")).doesNotContain(id);
    }

    @Test
    void anAccountChangeShowsAtOnceInStatusesAlreadyRead() {
        server.fixtures().account("renamer");
        HttpTester renamer = ApiClient.register(server.http(), "read write").as("renamer", "read write");
        String renamerId = renamer.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
        String id = renamer.postJson("/api/v1/statuses", "{\"status\": \"before the rename\"}").json().get("id")
                .asText();
        JsonNode before = server.http().get("/api/v1/accounts/" + renamerId + "/statuses").json().get(0);
        assertThat(before.get("id").asText()).isEqualTo(id);
        int count = before.get("account").get("statuses_count").asInt();

        HttpResult renamed = renamer.patchJson("/api/v1/accounts/update_credentials", "{\"display_name\": \"Renamed R.\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        renamer.postJson("/api/v1/statuses", "{\"status\": \"after the rename\"}");

        JsonNode after = server.http().get("/api/v1/statuses/" + id).json().get("account");
        assertThat(after.get("display_name").asText()).isEqualTo("Renamed R.");
        assertThat(after.get("statuses_count").asInt()).isEqualTo(count + 1);
        JsonNode listed = server.http().get("/api/v1/accounts/" + renamerId + "/statuses").json().get(1).get("account");
        assertThat(listed.get("display_name").asText()).isEqualTo("Renamed R.");
    }
}
