package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.NotificationType;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** PUT /api/v1/statuses/:id, GET .../history and .../source. */
class StatusEditTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester alice;
    static HttpTester app;
    static HttpTester bob;
    static long aliceId;
    static long bobId;
    static long carolId;

    @BeforeAll
    static void accounts() {
        aliceId = server.fixtures().account("alice").id();
        bobId = server.fixtures().account("bob").id();
        carolId = server.fixtures().account("carol").id();
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        alice = client.as("alice", "read write follow");
        bob = client.as("bob", "read write follow");
        app = server.http().withToken(client.appToken("read"));
    }

    static String post(HttpTester who, String json) {
        HttpResult r = who.postJson("/api/v1/statuses", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    @Test
    void editRecordsHistoryAndKeepsTheSource() {
        String id = post(alice, "{\"status\": \"First draft #one\", \"visibility\": \"public\"}");
        HttpResult neverEdited = server.http().get("/api/v1/statuses/" + id + "/history");
        assertThat(neverEdited.status()).isEqualTo(200);
        assertThat(neverEdited.json()).hasSize(1);
        assertThat(neverEdited.json().get(0).get("content").asText()).contains("First draft");

        HttpResult edited = alice.putJson("/api/v1/statuses/" + id,
                "{\"status\": \"Second draft #two, hi @carol\", \"spoiler_text\": \"cw\", \"language\": \"de\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonNode s = edited.json();
        assertThat(s.get("content").asText()).contains("Second draft");
        assertThat(s.get("edited_at").isNull()).isFalse();
        assertThat(s.get("spoiler_text").asText()).isEqualTo("cw");
        assertThat(s.get("sensitive").asBoolean()).isTrue();
        assertThat(s.get("language").asText()).isEqualTo("de");
        assertThat(s.get("tags").findValuesAsText("name")).containsExactly("two");
        assertThat(s.get("mentions").findValuesAsText("username")).containsExactly("carol");
        Await.until(() -> server.app().core().db().read(tx -> server.app().repos().notifications().exists(tx, carolId, aliceId,
                NotificationType.MENTION, Long.parseLong(id))));

        // A third version; the history lists all three, oldest first.
        assertThat(alice.putJson("/api/v1/statuses/" + id, "{\"status\": \"Third draft\"}").status())
                .isEqualTo(200);
        HttpResult history = bob.get("/api/v1/statuses/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json()).hasSize(3);
        assertThat(history.json().get(0).get("content").asText()).contains("First draft");
        assertThat(history.json().get(1).get("content").asText()).contains("Second draft");
        assertThat(history.json().get(1).get("spoiler_text").asText()).isEqualTo("cw");
        assertThat(history.json().get(2).get("content").asText()).contains("Third draft");
        assertThat(history.json().get(2).get("sensitive").asBoolean()).isFalse();
        Golden.assertMatches("status_edit_history.json", history.body());

        HttpResult source = alice.get("/api/v1/statuses/" + id + "/source");
        assertThat(source.status()).isEqualTo(200);
        assertThat(source.json().get("text").asText()).isEqualTo("Third draft");
        Golden.assertMatches("status_source.json", source.body());
    }

    @Test
    void onlyTheAuthorEdits() {
        String id = post(alice, "{\"status\": \"Mine\", \"visibility\": \"public\"}");
        HttpResult other = bob.putJson("/api/v1/statuses/" + id, "{\"status\": \"Yours now\"}");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("error").asText()).isEqualTo("Record not found");
        // Source: whoever may see the status (Mastodon's SourcesController authorises show?, with an app token).
        assertThat(bob.get("/api/v1/statuses/" + id + "/source").status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/statuses/" + id + "/source").json().get("text").asText()).isEqualTo("Mine");
        assertThat(server.http().get("/api/v1/statuses/" + id + "/source").status()).isEqualTo(401);
        assertThat(app.get("/api/v1/statuses/" + id + "/source").status()).isEqualTo(200);
        assertThat(server.http().putJson("/api/v1/statuses/" + id, "{\"status\": \"x\"}").status()).isEqualTo(401);
        assertThat(server.http().get("/api/v1/statuses/" + id).json().get("content").asText()).contains("Mine");

        String hidden = post(alice, "{\"status\": \"Secret\", \"visibility\": \"direct\"}");
        assertThat(bob.get("/api/v1/statuses/" + hidden + "/history").status()).isEqualTo(404);
        HttpResult hiddenSource = bob.get("/api/v1/statuses/" + hidden + "/source");
        assertThat(hiddenSource.status()).isEqualTo(404);
        assertThat(hiddenSource.json().get("error").asText()).isEqualTo("Record not found");
        assertThat(app.get("/api/v1/statuses/" + hidden + "/source").status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/statuses/" + hidden + "/source").json().get("text").asText()).isEqualTo("Secret");
        assertThat(alice.get("/api/v1/statuses/" + hidden + "/history").status()).isEqualTo(200);
    }

    @Test
    void invalidEditsChangeNothing() {
        String id = post(alice, "{\"status\": \"Stable\", \"visibility\": \"public\"}");
        HttpResult blank = alice.putJson("/api/v1/statuses/" + id, "{\"status\": \"\"}");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("error").asText()).isEqualTo("Validation failed: Text can't be blank");
        HttpResult tooLong = alice.putJson("/api/v1/statuses/" + id, "{\"status\": \"" + "a".repeat(501) + "\"}");
        assertThat(tooLong.status()).isEqualTo(422);
        HttpResult media = alice.putJson("/api/v1/statuses/" + id, "{\"status\": \"x\", \"media_ids\": [\"1\"]}");
        assertThat(media.status()).isEqualTo(422);
        JsonNode after = alice.get("/api/v1/statuses/" + id).json();
        assertThat(after.get("content").asText()).contains("Stable");
        assertThat(after.get("edited_at").isNull()).isTrue();

        // The same content again is no edit at all.
        assertThat(alice.putJson("/api/v1/statuses/" + id, "{\"status\": \"Stable\"}").json().get("edited_at")
                .isNull()).isTrue();
        assertThat(alice.get("/api/v1/statuses/" + id + "/history").json()).hasSize(1);
    }

    @Test
    void editingAPollResetsItsVotesAndReblogsAreToldOfTheEdit() {
        HttpResult posted = alice.postJson("/api/v1/statuses",
                "{\"status\": \"Pick\", \"poll\": {\"options\": [\"a\", \"b\"], \"expires_in\": 3600}}");
        String id = posted.json().get("id").asText();
        String pollId = posted.json().get("poll").get("id").asText();
        assertThat(bob.postJson("/api/v1/polls/" + pollId + "/votes", "{\"choices\": [0]}").status()).isEqualTo(200);

        // bob reblogs it (reblogs are statuses pointing at the original)
        var app = server.app();
        long reblogId = app.core().ids().next();
        app.core().db().inTransaction(tx -> {
            app.repos().statuses().insert(tx, new Status(reblogId, bobId, "urn:test:reblog:" + reblogId, null, true,
                    Visibility.PUBLIC, "", "", "", false, null, null, null, Long.parseLong(id), null, null, null,
                    0, 0, 0, 0, null, Instant.now()));
            return null;
        });

        HttpResult sameOptions = alice.putJson("/api/v1/statuses/" + id,
                "{\"status\": \"Pick one\", \"poll\": {\"options\": [\"a\", \"b\"], \"expires_in\": 3600}}");
        assertThat(sameOptions.json().get("poll").get("votes_count").asInt()).isEqualTo(1);
        HttpResult changed = alice.putJson("/api/v1/statuses/" + id,
                "{\"status\": \"Pick one\", \"poll\": {\"options\": [\"a\", \"c\"], \"expires_in\": 3600}}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode poll = changed.json().get("poll");
        assertThat(poll.get("votes_count").asInt()).isZero();
        assertThat(poll.get("options").get(1).get("title").asText()).isEqualTo("c");
        assertThat(bob.get("/api/v1/polls/" + pollId).json().get("voted").asBoolean()).isFalse();
        JsonNode history = alice.get("/api/v1/statuses/" + id + "/history").json();
        assertThat(history.get(0).get("poll").get("options").findValuesAsText("title")).containsExactly("a", "b");
        assertThat(history.get(history.size() - 1).get("poll").get("options").findValuesAsText("title"))
                .containsExactly("a", "c");
        Await.until(() -> app.core().db().read(tx -> app.repos().notifications().exists(tx, bobId, aliceId, NotificationType.UPDATE,
                Long.parseLong(id))));

        HttpResult removed = alice.putJson("/api/v1/statuses/" + id, "{\"status\": \"No poll\"}");
        assertThat(removed.json().get("poll").isNull()).isTrue();
        assertThat(server.http().get("/api/v1/polls/" + pollId).status()).isEqualTo(404);
    }
}
