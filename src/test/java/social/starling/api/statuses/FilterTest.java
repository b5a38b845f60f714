package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Filters v2 (and v1) CRUD, and their effect on the home timeline. */
class FilterTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester alice;
    static HttpTester bob;
    static HttpTester carol;

    @BeforeAll
    static void accounts() {
        long aliceId = server.fixtures().account("alice").id();
        server.fixtures().account("bob");
        server.fixtures().account("carol");
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        alice = client.as("alice", "read write follow");
        bob = client.as("bob", "read write follow");
        carol = client.as("carol", "read write follow");
        assertThat(bob.post("/api/v1/accounts/" + aliceId + "/follow").status()).isEqualTo(200);
    }

    static JsonNode create(HttpTester who, String json) {
        HttpResult r = who.postJson("/api/v2/filters", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void crud() {
        HttpResult created = carol.postJson("/api/v2/filters", """
                {"title": "Spoilers", "context": ["home", "public"], "filter_action": "warn", "expires_in": 3600,
                 "keywords_attributes": [{"keyword": "finale", "whole_word": true}, {"keyword": "ending"}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        Golden.assertMatches("filter.json", created.body());
        JsonNode f = created.json();
        String id = f.get("id").asText();
        assertThat(f.get("keywords")).hasSize(2);
        assertThat(f.get("expires_at").isNull()).isFalse();

        assertThat(carol.get("/api/v2/filters").json().findValuesAsText("title")).containsExactly("Spoilers");
        assertThat(alice.get("/api/v2/filters/" + id).status()).isEqualTo(404);
        assertThat(alice.delete("/api/v2/filters/" + id).status()).isEqualTo(404);

        String finale = f.get("keywords").get(0).get("id").asText();
        HttpResult updated = carol.putJson("/api/v2/filters/" + id, "{\"title\": \"Plot\", \"expires_in\": \"\", "
                + "\"filter_action\": \"hide\", \"keywords_attributes\": [{\"id\": \"" + finale + "\", \"_destroy\": true},"
                + " {\"keyword\": \"twist\", \"whole_word\": false}]}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("title").asText()).isEqualTo("Plot");
        assertThat(updated.json().get("filter_action").asText()).isEqualTo("hide");
        assertThat(updated.json().get("expires_at").isNull()).isTrue();
        assertThat(updated.json().get("context")).hasSize(2);
        assertThat(updated.json().get("keywords").findValuesAsText("keyword")).containsExactly("ending", "twist");

        // keywords one by one
        HttpResult kw = carol.postJson("/api/v2/filters/" + id + "/keywords", "{\"keyword\": \"cliffhanger\"}");
        assertThat(kw.status()).as(kw.body()).isEqualTo(200);
        assertThat(kw.json().get("whole_word").asBoolean()).isTrue();
        String kwId = kw.json().get("id").asText();
        assertThat(carol.putJson("/api/v2/filters/keywords/" + kwId, "{\"whole_word\": false}").json()
                .get("whole_word").asBoolean()).isFalse();
        assertThat(carol.get("/api/v2/filters/" + id + "/keywords").json()).hasSize(3);
        assertThat(alice.get("/api/v2/filters/keywords/" + kwId).status()).isEqualTo(404);
        assertThat(carol.delete("/api/v2/filters/keywords/" + kwId).status()).isEqualTo(200);
        assertThat(carol.get("/api/v2/filters/keywords/" + kwId).status()).isEqualTo(404);

        // statuses
        String statusId = alice.postJson("/api/v1/statuses", "{\"status\": \"filter me\"}").json().get("id").asText();
        HttpResult fs = carol.postJson("/api/v2/filters/" + id + "/statuses", "{\"status_id\": \"" + statusId + "\"}");
        assertThat(fs.status()).as(fs.body()).isEqualTo(200);
        assertThat(fs.json().get("status_id").asText()).isEqualTo(statusId);
        assertThat(carol.postJson("/api/v2/filters/" + id + "/statuses", "{\"status_id\": \"" + statusId + "\"}")
                .status()).isEqualTo(422);
        assertThat(carol.postJson("/api/v2/filters/" + id + "/statuses", "{\"status_id\": \"42\"}").status())
                .isEqualTo(422);
        String fsId = fs.json().get("id").asText();
        assertThat(carol.get("/api/v2/filters/statuses/" + fsId).status()).isEqualTo(200);
        assertThat(carol.get("/api/v2/filters/" + id + "/statuses").json()).hasSize(1);
        assertThat(carol.delete("/api/v2/filters/statuses/" + fsId).status()).isEqualTo(200);

        // v1 shows each keyword as a filter
        JsonNode v1 = carol.get("/api/v1/filters").json();
        assertThat(v1.findValuesAsText("phrase")).containsExactly("ending", "twist");
        assertThat(v1.get(0).get("irreversible").asBoolean()).isTrue();

        assertThat(carol.delete("/api/v2/filters/" + id).status()).isEqualTo(200);
        assertThat(carol.get("/api/v2/filters").json()).isEmpty();
    }

    @Test
    void invalidFiltersAreRefusedAndStoreNothing() {
        HttpResult r = carol.postJson("/api/v2/filters", "{\"title\": \"\", \"context\": [\"nowhere\"]}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("error").asText()).contains("Title can't be blank")
                .contains("Context None or invalid context supplied");
        assertThat(carol.postJson("/api/v2/filters", "{\"title\": \"x\", \"context\": [\"home\"], "
                + "\"filter_action\": \"explode\"}").status()).isEqualTo(422);
        assertThat(carol.postJson("/api/v2/filters", "{\"title\": \"x\", \"context\": [\"home\"], "
                + "\"keywords_attributes\": [{\"keyword\": \"\"}]}").status()).isEqualTo(422);
        assertThat(server.http().get("/api/v2/filters").status()).isEqualTo(401);
        assertThat(carol.get("/api/v2/filters").json().findValuesAsText("title")).doesNotContain("x");
    }

    @Test
    void filtersActOnTheHomeTimeline() {
        JsonNode warn = create(bob, """
                {"title": "Cats", "context": ["home"], "filter_action": "warn",
                 "keywords_attributes": [{"keyword": "cat", "whole_word": true}]}""");
        create(bob, """
                {"title": "Dogs", "context": ["home"], "filter_action": "hide",
                 "keywords_attributes": [{"keyword": "dog", "whole_word": false}]}""");
        create(bob, """
                {"title": "Elsewhere", "context": ["public"], "filter_action": "hide",
                 "keywords_attributes": [{"keyword": "bird"}]}""");
        String cat = alice.postJson("/api/v1/statuses", "{\"status\": \"My CAT sleeps\"}").json().get("id").asText();
        String category = alice.postJson("/api/v1/statuses", "{\"status\": \"A category\"}").json().get("id").asText();
        String dog = alice.postJson("/api/v1/statuses", "{\"status\": \"hotdogs\"}").json().get("id").asText();
        String bird = alice.postJson("/api/v1/statuses", "{\"status\": \"a bird\"}").json().get("id").asText();
        server.awaitDistributed();

        JsonNode home = bob.get("/api/v1/timelines/home").json();
        assertThat(home.findValuesAsText("id")).contains(cat, category, bird).doesNotContain(dog);
        for (JsonNode s : home) {
            String id = s.get("id").asText();
            if (id.equals(cat)) {
                assertThat(s.get("filtered")).hasSize(1);
                assertThat(s.get("filtered").get(0).get("filter").get("id").asText())
                        .isEqualTo(warn.get("id").asText());
                assertThat(s.get("filtered").get(0).get("keyword_matches").get(0).asText()).isEqualTo("CAT");
            } else if (id.equals(category) || id.equals(bird)) {
                assertThat(s.get("filtered")).as("whole word / other context").isEmpty();
            }
        }
        // the author is not filtered by someone else's filters
        assertThat(alice.get("/api/v1/timelines/home").json().findValuesAsText("id")).contains(dog);

        // deleting the hide filter brings the status back at once (the cache is evicted)
        String dogFilter = bob.get("/api/v2/filters").json().get(1).get("id").asText();
        assertThat(bob.delete("/api/v2/filters/" + dogFilter).status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/timelines/home").json().findValuesAsText("id")).contains(dog);
    }
}
