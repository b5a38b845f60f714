package social.starling.api.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Directory, search, familiar followers, and the endpoints that answer empty results. */
class DiscoveryAndEmptyEndpointsTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester alice;
    static HttpTester bob;
    static HttpTester carol;
    static long aliceId;
    static long bobId;
    static long carolId;

    @BeforeAll
    static void accounts() {
        aliceId = server.fixtures().account("alice").id();
        bobId = server.fixtures().account("bob").id();
        carolId = server.fixtures().account("carol").id();
        ApiClient client = ApiClient.register(server.http(), "read write follow push");
        alice = client.as("alice", "read write follow push");
        bob = client.as("bob", "read write follow push");
        carol = client.as("carol", "read write follow push");
    }

    static JsonNode ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void emptyButValid() {
        for (String path : List.of("/api/v1/trends", "/api/v1/trends/tags", "/api/v1/trends/statuses",
                "/api/v1/trends/links", "/api/v1/custom_emojis", "/api/v1/accounts/" + aliceId + "/featured_tags",
                "/api/v1/accounts/" + aliceId + "/endorsements")) {
            JsonNode body = ok(server.http().get(path));
            assertThat(body.isArray()).as(path).isTrue();
            assertThat(body).as(path).isEmpty();
        }
        for (String path : List.of("/api/v1/suggestions", "/api/v2/suggestions", "/api/v1/announcements",
                "/api/v1/featured_tags", "/api/v1/featured_tags/suggestions", "/api/v1/endorsements")) {
            JsonNode body = ok(alice.get(path));
            assertThat(body.isArray()).as(path).isTrue();
            assertThat(body).as(path).isEmpty();
            assertThat(server.http().get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(ok(alice.delete("/api/v1/suggestions/" + bobId)).isObject()).isTrue();
        assertThat(ok(alice.post("/api/v1/announcements/1/dismiss")).isObject()).isTrue();
        assertThat(server.http().get("/api/v1/accounts/999/featured_tags").status()).isEqualTo(404);

        HttpResult push = alice.get("/api/v1/push/subscription");
        assertThat(push.status()).isEqualTo(404);
        assertThat(push.json().get("error").asText()).isEqualTo("Record not found");
        assertThat(alice.postJson("/api/v1/push/subscription", "{\"subscription\": {}}").status()).isEqualTo(422);
    }

    @Test
    void directoryListsDiscoverableLocalAccounts() {
        assertThat(ok(alice.patchJson("/api/v1/accounts/update_credentials", "{\"discoverable\": true}"))
                .get("discoverable").asBoolean()).isTrue();
        assertThat(ok(bob.patchJson("/api/v1/accounts/update_credentials", "{\"discoverable\": true}"))
                .get("discoverable").asBoolean()).isTrue();
        assertThat(ok(carol.patchJson("/api/v1/accounts/update_credentials", "{\"discoverable\": false}"))
                .get("discoverable").asBoolean()).isFalse();
        JsonNode all = ok(server.http().get("/api/v1/directory?order=new&local=true"));
        assertThat(all.findValuesAsText("username")).doesNotContain("carol").containsSubsequence("bob", "alice");
        int bobAt = all.findValuesAsText("username").indexOf("bob");
        assertThat(ok(server.http().get("/api/v1/directory?order=new&limit=1&offset=" + (bobAt + 1)))
                .findValuesAsText("username")).containsExactly(all.get(bobAt + 1).get("username").asText());
        assertThat(ok(bob.postJson("/api/v1/statuses", "{\"status\": \"active\"}")).get("id")).isNotNull();
        assertThat(ok(server.http().get("/api/v1/directory")).get(0).get("username").asText()).isEqualTo("bob");
    }

    @Test
    void searchFindsAccountsAndTags() {
        ok(alice.postJson("/api/v1/statuses", "{\"status\": \"#Starlings and #starfish\"}"));
        JsonNode r = ok(alice.get("/api/v2/search?q=star"));
        assertThat(r.get("statuses")).isEmpty();
        assertThat(r.get("hashtags").findValuesAsText("name")).containsExactlyInAnyOrder("Starlings", "starfish");
        assertThat(r.get("hashtags").get(0).get("following").asBoolean()).isFalse();
        assertThat(r.get("hashtags").get(0).get("history").isArray()).isTrue();
        JsonNode people = ok(server.http().get("/api/v2/search?q=ali&type=accounts"));
        assertThat(people.get("accounts").findValuesAsText("username")).containsExactly("alice");
        assertThat(people.get("hashtags")).isEmpty();
        assertThat(ok(server.http().get("/api/v2/search?q=%23starf")).get("hashtags").findValuesAsText("name"))
                .containsExactly("starfish");
        assertThat(server.http().get("/api/v2/search").status()).isEqualTo(400);
        assertThat(server.http().get("/api/v2/search?q=a&offset=5").status()).isEqualTo(401);
    }

    @Test
    void familiarFollowers() {
        ok(alice.post("/api/v1/accounts/" + bobId + "/follow"));
        ok(bob.post("/api/v1/accounts/" + carolId + "/follow"));
        JsonNode r = ok(alice.get("/api/v1/accounts/familiar_followers?id[]=" + carolId + "&id[]=" + bobId));
        assertThat(r).hasSize(2);
        assertThat(r.get(0).get("id").asText()).isEqualTo(Long.toString(carolId));
        assertThat(r.get(0).get("accounts").findValuesAsText("username")).containsExactly("bob");
        assertThat(r.get(1).get("accounts")).isEmpty();
        assertThat(server.http().get("/api/v1/accounts/familiar_followers?id[]=" + carolId).status()).isEqualTo(401);
    }
}
