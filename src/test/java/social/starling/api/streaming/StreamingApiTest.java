package social.starling.api.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.StreamClient;
import social.starling.testing.TestApp;

/**
 * The streaming API with real clients: WebSockets (several streams on one socket, subscribe messages, each way of
 * giving the token) and server-sent events, for every kind of stream; blocks, mutes and filters apply as on
 * timelines.
 */
class StreamingApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static ApiClient client;

    @BeforeAll
    static void accounts() {
        for (String name : List.of("alice", "bob", "carol", "dave", "erin", "frank", "gina", "hugo", "ivy", "jack",
                "kim")) {
            server.fixtures().account(name);
        }
        client = ApiClient.register(server.http(), "read write follow");
    }

    static String token(String name) {
        return client.login(name, Fixtures.PASSWORD, "read write follow");
    }

    static HttpTester as(String token) {
        return server.http().withToken(token);
    }

    static String id(String name) {
        return server.fixtures().account(name).id() + "";
    }

    static String post(HttpTester who, String json) {
        HttpResult r = who.postJson("/api/v1/statuses", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    static String post(HttpTester who, String text, String visibility) {
        return post(who, "{\"status\": \"" + text + "\", \"visibility\": \"" + visibility + "\"}");
    }

    static void ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void healthAnswersOk() {
        HttpResult r = server.http().get("/api/v1/streaming/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("OK");
    }

    @Test
    void noTokenNoSocketAndNoEventStream() {
        assertThatThrownBy(() -> StreamClient.socket(server.baseUrl(), "stream=public", Map.of(), null))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(401));
        assertThatThrownBy(() -> StreamClient.socket(server.baseUrl(), "not-a-token", "stream=user"))
                .cause().isInstanceOf(WebSocketHandshakeException.class);
        HttpResponse<InputStream> sse = StreamClient.sseResponse(server.baseUrl(), "/api/v1/streaming/public", null);
        assertThat(sse.statusCode()).isEqualTo(401);
    }

    @Test
    void userStreamHearsFollowedPostsAndOwnNotifications() {
        String alice = token("alice");
        String bob = token("bob");
        ok(as(alice).post("/api/v1/accounts/" + id("bob") + "/follow"));
        try (StreamClient ws = StreamClient.socket(server.baseUrl(), alice, "stream=user")) {
            String posted = post(as(bob), "hello followers", "private");
            StreamClient.Message update = ws.nextEvent("update");
            assertThat(update.stream()).containsExactly("user");
            JsonNode status = update.json();
            assertThat(status.get("id").asText()).isEqualTo(posted);
            assertThat(status.get("content").asText()).contains("hello followers");
            assertThat(status.get("visibility").asText()).isEqualTo("private");
            assertThat(status.get("favourited").asBoolean(true)).isFalse();
            assertThat(status.get("filtered")).isEmpty();

            String mine = post(as(alice), "my own post", "public");
            assertThat(ws.nextEvent("update").json().get("id").asText()).isEqualTo(mine);
            ok(as(bob).post("/api/v1/statuses/" + mine + "/favourite"));
            StreamClient.Message notification = ws.nextEvent("notification");
            assertThat(notification.stream()).containsExactly("user");
            assertThat(notification.json().get("type").asText()).isEqualTo("favourite");
            assertThat(notification.json().at("/status/id").asText()).isEqualTo(mine);
            assertThat(notification.json().at("/account/username").asText()).isEqualTo("bob");

            HttpResult edited = as(bob).putJson("/api/v1/statuses/" + posted, "{\"status\": \"hello again\"}");
            ok(edited);
            StreamClient.Message update2 = ws.nextEvent("status.update");
            assertThat(update2.json().get("content").asText()).contains("hello again");
            assertThat(update2.json().get("edited_at").isNull()).isFalse();

            ok(as(bob).delete("/api/v1/statuses/" + posted));
            StreamClient.Message deleted = ws.nextEvent("delete");
            assertThat(deleted.payload()).isEqualTo(posted);
            assertThat(deleted.stream()).containsExactly("user");
        }
    }

    @Test
    void mediaStreamsHearOnlyPostsWithAttachments() {
        String gina = token("gina");
        try (StreamClient ws = StreamClient.socket(server.baseUrl(), gina, "stream=public:local:media")) {
            String hugo = token("hugo");
            post(as(hugo), "words only", "public");
            server.awaitDistributed();
            HttpResult upload = new social.starling.testing.Multipart()
                    .file("file", "image.png", "image/png", social.starling.testing.Multipart.resource("image.png"))
                    .send("POST", server.baseUrl() + "/api/v2/media", hugo);
            ok(upload);
            String withImage = post(as(hugo), "{\"status\": \"a picture\", \"media_ids\": [\""
                    + upload.json().get("id").asText() + "\"]}");
            StreamClient.Message m = ws.nextEvent("update");
            assertThat(m.stream()).containsExactly("public:local:media");
            assertThat(m.json().get("id").asText()).isEqualTo(withImage);
            assertThat(m.json().get("media_attachments")).hasSize(1);
        }
    }

    @Test
    void severalStreamsOnOneSocketThroughSubscribeMessages() {
        String erin = token("erin");
        try (StreamClient ws = StreamClient.socket(server.baseUrl(), erin, null)) {
            ws.send("{\"type\": \"subscribe\", \"stream\": \"public:local\"}");
            ws.send("{\"type\": \"subscribe\", \"stream\": \"hashtag\", \"tag\": \"Cats\"}");
            ws.send("{\"type\": \"subscribe\", \"stream\": \"hashtag:local\", \"tag\": \"dogs\"}");
            ws.send("{\"type\": \"subscribe\", \"stream\": \"public:remote\"}");
            ws.send("{\"type\": \"subscribe\", \"stream\": \"nonsense\"}");
            JsonNode error = ws.nextRaw();
            assertThat(error.get("error").asText()).isEqualTo("Unknown stream type");
            assertThat(error.get("status").asInt()).isEqualTo(400);
            ws.send("{\"type\": \"subscribe\", \"stream\": \"hashtag\"}");
            assertThat(ws.nextRaw().get("error").asText()).isEqualTo("No tag for stream provided");

            String cats = post(as(token("hugo")), "I like #cats", "public");
            StreamClient.Message first = ws.nextEvent("update");
            StreamClient.Message second = ws.nextEvent("update");
            assertThat(List.of(first.stream(), second.stream()))
                    .containsExactlyInAnyOrder(List.of("public:local"), List.of("hashtag", "cats"));
            assertThat(first.json().get("id").asText()).isEqualTo(cats);
            assertThat(second.json().get("id").asText()).isEqualTo(cats);

            ws.send("{\"type\": \"unsubscribe\", \"stream\": \"public:local\"}");
            // Unlisted: on no public stream; a later public #dogs post is the next thing heard, on hashtag:local.
            post(as(token("hugo")), "quiet #cats", "unlisted");
            server.awaitDistributed();
            String dogs = post(as(token("hugo")), "and #dogs", "public");
            StreamClient.Message next = ws.nextEvent("update");
            assertThat(next.stream()).containsExactly("hashtag:local", "dogs");
            assertThat(next.json().get("id").asText()).isEqualTo(dogs);
        }
    }

    @Test
    void tokenAsSubprotocolIsEchoedAndAsQueryParameterWorks() {
        String gina = token("gina");
        try (StreamClient ws = StreamClient.socket(server.baseUrl(), "stream=public", Map.of(), gina)) {
            assertThat(ws.subprotocol()).isEqualTo(gina);
            String posted = post(as(gina), "through a subprotocol", "public");
            StreamClient.Message m = ws.nextEvent("update");
            assertThat(m.stream()).containsExactly("public");
            assertThat(m.json().get("id").asText()).isEqualTo(posted);
        }
        try (StreamClient ws = StreamClient.socket(server.baseUrl(), "stream=public:local&access_token=" + gina,
                Map.of(), null)) {
            String posted = post(as(gina), "through the query", "public");
            assertThat(ws.nextEvent("update").json().get("id").asText()).isEqualTo(posted);
        }
    }

    @Test
    void blockedAndMutedAccountsPostsNeverArrive() {
        String alice = token("alice");
        ok(as(alice).post("/api/v1/accounts/" + id("carol") + "/block"));
        ok(as(alice).post("/api/v1/accounts/" + id("dave") + "/mute"));
        try (StreamClient ws = StreamClient.socket(server.baseUrl(), alice, "stream=public:local")) {
            post(as(token("carol")), "from someone blocked", "public");
            post(as(token("dave")), "from someone muted", "public");
            server.awaitDistributed();
            String marker = post(as(token("erin")), "from someone else", "public");
            // Events are dispatched in order: had either arrived, it would come before the marker.
            assertThat(ws.nextEvent("update").json().get("id").asText()).isEqualTo(marker);
        }
        // And the other way round: carol, blocked by alice, does not hear alice either.
        try (StreamClient ws = StreamClient.socket(server.baseUrl(), token("carol"), "stream=public:local")) {
            post(as(alice), "carol is blocked", "public");
            server.awaitDistributed();
            String marker = post(as(token("erin")), "another marker", "public");
            assertThat(ws.nextEvent("update").json().get("id").asText()).isEqualTo(marker);
        }
    }

    @Test
    void filtersHideOrMarkAsOnTimelinesAndTheirChangesAreTold() {
        String frank = token("frank");
        try (StreamClient ws = StreamClient.socket(server.baseUrl(), frank, "stream=public:local")) {
            ws.send("{\"type\": \"subscribe\", \"stream\": \"user\"}");
            ok(as(frank).postJson("/api/v2/filters", """
                    {"title": "Spoilers", "context": ["public"], "filter_action": "hide",
                     "keywords_attributes": [{"keyword": "spoiler"}]}"""));
            StreamClient.Message changed = ws.nextEvent("filters_changed");
            assertThat(changed.stream()).containsExactly("user");
            assertThat(changed.payload()).isNull();
            ok(as(frank).postJson("/api/v2/filters", """
                    {"title": "Meh", "context": ["public"], "filter_action": "warn",
                     "keywords_attributes": [{"keyword": "meh"}]}"""));
            ws.nextEvent("filters_changed");

            HttpTester erin = as(token("erin"));
            post(erin, "a spoiler for you", "public");
            server.awaitDistributed();
            String warned = post(erin, "meh, whatever", "public");
            StreamClient.Message m = ws.nextEvent("update");
            assertThat(m.json().get("id").asText()).isEqualTo(warned);
            assertThat(m.json().at("/filtered/0/filter/title").asText()).isEqualTo("Meh");
            assertThat(m.json().at("/filtered/0/keyword_matches/0").asText()).isEqualTo("meh");
        }
    }

    @Test
    void serverSentEventsOnEachPath() {
        String hugo = token("hugo");
        HttpTester poster = as(token("erin"));
        try (StreamClient local = StreamClient.sse(server.baseUrl(), "/api/v1/streaming/public/local", hugo);
             StreamClient tag = StreamClient.sse(server.baseUrl(), "/api/v1/streaming/hashtag?tag=birds", hugo);
             StreamClient user = StreamClient.sse(server.baseUrl(), "/api/v1/streaming/user", hugo);
             StreamClient notes = StreamClient.sse(server.baseUrl(), "/api/v1/streaming/user/notification",
                     hugo)) {
            String mine = post(as(hugo), "#birds are here", "public");
            assertThat(local.nextEvent("update").json().get("id").asText()).isEqualTo(mine);
            assertThat(tag.nextEvent("update").json().get("id").asText()).isEqualTo(mine);
            assertThat(user.nextEvent("update").json().get("id").asText()).isEqualTo(mine);
            ok(poster.post("/api/v1/statuses/" + mine + "/favourite"));
            assertThat(notes.nextEvent("notification").json().get("type").asText()).isEqualTo("favourite");
            assertThat(user.nextEvent("notification").json().get("type").asText()).isEqualTo("favourite");
            ok(as(hugo).delete("/api/v1/statuses/" + mine));
            assertThat(local.nextEvent("delete").payload()).isEqualTo(mine);
        }
        HttpResponse<InputStream> unknown = StreamClient.sseResponse(server.baseUrl(),
                "/api/v1/streaming/hashtag", hugo);
        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    @Test
    void directStreamHearsConversationsAndListStreamItsMembers() {
        String alice = token("alice");
        String gina = token("gina");
        ok(as(alice).post("/api/v1/accounts/" + id("gina") + "/follow"));
        HttpResult list = as(alice).postJson("/api/v1/lists", "{\"title\": \"friends\"}");
        ok(list);
        String listId = list.json().get("id").asText();
        ok(as(alice).postJson("/api/v1/lists/" + listId + "/accounts",
                "{\"account_ids\": [\"" + id("gina") + "\"]}"));
        try (StreamClient ws = StreamClient.socket(server.baseUrl(), alice, "stream=direct")) {
            ws.send("{\"type\": \"subscribe\", \"stream\": \"list\", \"list\": \"" + listId + "\"}");
            String dm = post(as(gina), "@alice psst", "direct");
            StreamClient.Message conversation = ws.nextEvent("conversation");
            assertThat(conversation.stream()).containsExactly("direct");
            assertThat(conversation.json().at("/last_status/id").asText()).isEqualTo(dm);
            assertThat(conversation.json().at("/accounts/0/username").asText()).isEqualTo("gina");

            String listed = post(as(gina), "for my listeners", "public");
            StreamClient.Message m = ws.nextEvent("update");
            assertThat(m.stream()).containsExactly("list", listId);
            assertThat(m.json().get("id").asText()).isEqualTo(listed);
        }
        // Someone else's list may not be streamed.
        try (StreamClient ws = StreamClient.socket(server.baseUrl(), gina, null)) {
            ws.send("{\"type\": \"subscribe\", \"stream\": \"list\", \"list\": \"" + listId + "\"}");
            JsonNode error = ws.nextRaw();
            assertThat(error.get("error").asText()).isEqualTo("Not authorized to stream this list");
            assertThat(error.get("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void listStreamShowsWhatTheListsTimelineShows() {
        String ivy = token("ivy");
        String jack = token("jack");
        ok(as(ivy).post("/api/v1/accounts/" + id("jack") + "/follow"));
        HttpResult list = as(ivy).postJson("/api/v1/lists", "{\"title\": \"quiet\", \"replies_policy\": \"none\"}");
        ok(list);
        String listId = list.json().get("id").asText();
        ok(as(ivy).postJson("/api/v1/lists/" + listId + "/accounts", "{\"account_ids\": [\"" + id("jack") + "\"]}"));
        String kims = post(as(token("kim")), "a thought", "public");
        try (StreamClient ws = StreamClient.socket(server.baseUrl(), ivy, null)) {
            ws.send("{\"type\": \"subscribe\", \"stream\": \"list\", \"list\": \"" + listId + "\"}");
            // Replies to someone else are left out by the policy "none"; direct messages are in no list.
            String reply = post(as(jack), "{\"status\": \"an answer\", \"in_reply_to_id\": \"" + kims + "\"}");
            String dm = post(as(jack), "@ivy psst", "direct");
            String listed = post(as(jack), "for the list", "public");
            StreamClient.Message m = ws.nextEvent("update");
            assertThat(m.stream()).containsExactly("list", listId);
            assertThat(m.json().get("id").asText()).isEqualTo(listed);
            // The list's timeline agrees.
            HttpResult timeline = as(ivy).get("/api/v1/timelines/list/" + listId);
            ok(timeline);
            assertThat(timeline.json().findValuesAsText("id")).contains(listed).doesNotContain(reply, dm);
        }
    }

    @Test
    void notificationStreamNeedsTheNotificationScope() {
        String statusesOnly = client.login("bob", Fixtures.PASSWORD, "read:statuses");
        try (StreamClient ws = StreamClient.socket(server.baseUrl(), statusesOnly, null)) {
            ws.send("{\"type\": \"subscribe\", \"stream\": \"user:notification\"}");
            assertThat(ws.nextRaw().get("status").asInt()).isEqualTo(401);
        }
        String writeOnly = client.login("bob", Fixtures.PASSWORD, "write");
        assertThatThrownBy(() -> StreamClient.socket(server.baseUrl(), writeOnly, "stream=user"))
                .cause().isInstanceOf(WebSocketHandshakeException.class);
    }
}
