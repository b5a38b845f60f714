package social.starling.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.Await;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Direct messages in GET /api/v1/conversations, read and delete. */
class ConversationsApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static People people;

    @BeforeAll
    static void setUp() {
        people = new People(server);
    }

    static JsonNode awaitConversations(String name, int count) {
        Await.until(() -> people.as(name).get("/api/v1/conversations").json().size() >= count);
        JsonNode list = people.as(name).get("/api/v1/conversations").json();
        assertThat(list.size()).isEqualTo(count);
        return list;
    }

    @Test
    void aDirectMessageIsInBothParticipantsLists() {
        people.as("dino");
        // dino follows cara: a stranger's private mention would wait in dino's notification requests (Mastodon's
        // default policy; NotificationRequestsApiTest) and join his conversations only once accepted.
        people.follow("dino", "cara");
        String dm = people.post("cara", "@dino meet at noon?", "direct");
        JsonNode dinos = awaitConversations("dino", 1);
        JsonNode caras = awaitConversations("cara", 1);

        JsonNode theirs = dinos.get(0);
        assertThat(theirs.get("unread").asBoolean()).isTrue();
        assertThat(theirs.get("accounts").findValuesAsText("username")).containsExactly("cara");
        assertThat(theirs.get("last_status").get("id").asText()).isEqualTo(dm);
        assertThat(theirs.get("last_status").get("visibility").asText()).isEqualTo("direct");
        JsonNode mine = caras.get(0);
        assertThat(mine.get("unread").asBoolean()).isFalse();
        assertThat(mine.get("accounts").findValuesAsText("username")).containsExactly("dino");
        assertThat(mine.get("id").asText()).isNotEqualTo(theirs.get("id").asText());

        // Someone else's conversation is not found; reading answers the conversation, now read.
        String id = theirs.get("id").asText();
        assertThat(people.as("cara").post("/api/v1/conversations/" + id + "/read").status()).isEqualTo(404);
        HttpResult read = people.as("dino").post("/api/v1/conversations/" + id + "/read");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("unread").asBoolean()).isFalse();
        assertThat(read.json().get("id").asText()).isEqualTo(id);
        Golden.assertMatches("conversation.json", read.body());
        assertThat(people.as("dino").get("/api/v1/conversations").json().get(0).get("unread").asBoolean()).isFalse();

        // A reply in the thread becomes its last status; once deleted, the thread falls back to the one before.
        HttpResult reply = people.as("dino").postJson("/api/v1/statuses",
                "{\"status\": \"@cara yes\", \"visibility\": \"direct\", \"in_reply_to_id\": \"" + dm + "\"}");
        String replyId = reply.json().get("id").asText();
        Await.until(() -> people.as("cara").get("/api/v1/conversations").json().get(0).get("last_status").get("id")
                .asText().equals(replyId));
        JsonNode caraNow = people.as("cara").get("/api/v1/conversations").json();
        assertThat(caraNow.size()).isEqualTo(1);
        assertThat(caraNow.get(0).get("unread").asBoolean()).isTrue();
        assertThat(people.as("dino").delete("/api/v1/statuses/" + replyId).status()).isEqualTo(200);
        assertThat(people.as("cara").get("/api/v1/conversations").json().get(0).get("last_status").get("id")
                .asText()).isEqualTo(dm);

        HttpResult deleted = people.as("dino").delete("/api/v1/conversations/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().isEmpty()).isTrue();
        assertThat(people.as("dino").get("/api/v1/conversations").json().size()).isZero();
        assertThat(people.as("dino").delete("/api/v1/conversations/" + id).status()).isEqualTo(404);
        assertThat(people.as("cara").get("/api/v1/conversations").json().size()).isEqualTo(1);
    }

    @Test
    void pagedByLastStatus() {
        people.as("pb1");
        people.as("pb2");
        people.as("pb3");
        String s1 = people.post("pete", "@pb1 one", "direct");
        String s2 = people.post("pete", "@pb2 two", "direct");
        String s3 = people.post("pete", "@pb3 three", "direct");
        awaitConversations("pete", 3);
        HttpTester pete = people.as("pete");

        HttpResult first = pete.get("/api/v1/conversations?limit=2");
        assertThat(lastStatusIds(first.json())).containsExactly(s3, s2);
        assertThat(People.link(first, "next")).contains("max_id=" + s2);
        assertThat(People.link(first, "prev")).contains("min_id=" + s3);
        HttpResult second = pete.get(People.link(first, "next"));
        assertThat(lastStatusIds(second.json())).containsExactly(s1);
        assertThat(lastStatusIds(pete.get("/api/v1/conversations?limit=1&min_id=" + s1).json()))
                .containsExactly(s2);
        assertThat(lastStatusIds(pete.get("/api/v1/conversations?since_id=" + s1).json()))
                .containsExactly(s3, s2);
        // Not a direct message: no conversation.
        people.post("pete", "@pb1 in public", "public");
        assertThat(pete.get("/api/v1/conversations").json().size()).isEqualTo(3);
    }

    @Test
    void scopes() {
        assertThat(server.http().get("/api/v1/conversations").status()).isEqualTo(401);
        HttpTester reader = people.withScopes("sco", "read:statuses");
        assertThat(reader.get("/api/v1/conversations").status()).isEqualTo(200);
        assertThat(reader.post("/api/v1/conversations/1/read").status()).isEqualTo(403);
        assertThat(reader.delete("/api/v1/conversations/1").status()).isEqualTo(403);
        assertThat(people.withScopes("sco", "write:conversations").post("/api/v1/conversations/1/read").status())
                .isEqualTo(404);
        assertThat(people.withScopes("sco", "read:notifications").get("/api/v1/conversations").status())
                .isEqualTo(403);
    }

    static java.util.List<String> lastStatusIds(JsonNode list) {
        java.util.List<String> out = new java.util.ArrayList<>();
        list.forEach(c -> out.add(c.get("last_status").get("id").asText()));
        return out;
    }
}
