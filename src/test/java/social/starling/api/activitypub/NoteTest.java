package social.starling.api.activitypub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Account;
import social.starling.testing.ApiClient;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Local statuses as other servers fetch them: Note/Question, to/cc by visibility, activities, replies. */
class NoteTest {
    static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    @RegisterExtension
    static TestApp app = TestApp.create();

    static HttpTester alice;
    static HttpTester bob;
    static String base;
    static String aliceUri;
    static String bobUri;
    static String carolUri;
    static String followers;

    @BeforeAll
    static void setUp() {
        app.fixtures().account("alice");
        app.fixtures().account("bob");
        Account carol = RemoteAccounts.insert(app.app(), "carol", "remote.example");
        ApiClient client = ApiClient.register(app.http(), "read write");
        alice = client.as("alice", "read write");
        bob = client.as("bob", "read write");
        base = app.baseUrl();
        aliceUri = base + "/users/alice";
        bobUri = base + "/users/bob";
        carolUri = carol.uri();
        followers = aliceUri + "/followers";
    }

    static JsonNode post(HttpTester who, String json) {
        HttpResult r = who.postJson("/api/v1/statuses", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static String noteUrl(String user, String id) {
        return base + "/users/" + user + "/statuses/" + id;
    }

    static JsonNode note(String user, String id) {
        HttpResult r = Fetch.as2(app.http(), noteUrl(user, id));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValue("application/activity+json; charset=utf-8");
        return r.json();
    }

    /** The strings of a JSON array (to, cc, items). */
    static List<String> texts(JsonNode array) {
        return array == null ? List.of()
                : java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void publicNoteInMastodonsShape() {
        String id = post(alice, """
                {"status": "Hello @bob and @carol@remote.example, welcome to #Starling", "visibility": "public",
                 "language": "en"}""").get("id").asText();
        JsonNode note = note("alice", id);
        Golden.assertMatches("activitypub/note.json", note.toString()
                .replaceAll("\\d{4}-\\d{2}-\\d{2}:objectId", "<date>:objectId"));
        assertThat(note.get("id").asText()).isEqualTo(noteUrl("alice", id));
        assertThat(texts(note.get("to"))).containsExactly(PUBLIC);
        assertThat(texts(note.get("cc"))).containsExactly(followers, bobUri, carolUri);
        assertThat(note.get("url").asText()).isEqualTo(base + "/@alice/" + id);
        assertThat(note.get("attributedTo").asText()).isEqualTo(aliceUri);
        assertThat(note.get("contentMap").get("en").asText()).isEqualTo(note.get("content").asText());
        assertThat(note.get("tag").findValuesAsText("name")).containsExactly("@bob", "@carol@remote.example",
                "#Starling");
        assertThat(note.get("tag").findValuesAsText("href")).containsExactly(bobUri, carolUri, base + "/tags/Starling");
    }

    @Test
    void audienceFollowsVisibilityAsMastodon() {
        String unlisted = post(alice, "{\"status\": \"quiet @bob\", \"visibility\": \"unlisted\"}").get("id").asText();
        JsonNode note = note("alice", unlisted);
        assertThat(texts(note.get("to"))).containsExactly(followers);
        assertThat(texts(note.get("cc"))).containsExactly(PUBLIC, bobUri);

        String priv = post(alice, "{\"status\": \"friends @bob\", \"visibility\": \"private\"}").get("id").asText();
        String direct = post(alice, "{\"status\": \"psst @bob\", \"visibility\": \"direct\"}").get("id").asText();
        for (String id : List.of(priv, direct)) {
            assertThat(Fetch.as2(app.http(), noteUrl("alice", id)).status()).as("unsigned fetch of " + id)
                    .isEqualTo(404);
            assertThat(Fetch.as2(app.http(), noteUrl("alice", id) + "/activity").status()).isEqualTo(404);
            assertThat(Fetch.as2(app.http(), base + "/@alice/" + id).status()).isEqualTo(404);
            assertThat(Fetch.browser(app.http(), base + "/@alice/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    void toAndCcForPrivateAndDirectAsTheMapperWritesThem() {
        var mapper = new social.starling.convert.NoteMapper(app.app().core().uris(), app.app().core().media()::url);
        Account a = app.fixtures().account("alice");
        Account b = app.fixtures().account("bob");
        var priv = mapper.audience(social.starling.model.Visibility.PRIVATE, a, List.of(b), null);
        assertThat(priv.to()).containsExactly(followers);
        assertThat(priv.cc()).containsExactly(bobUri);
        var direct = mapper.audience(social.starling.model.Visibility.DIRECT, a, List.of(b), null);
        assertThat(direct.to()).containsExactly(bobUri);
        assertThat(direct.cc()).isEmpty();
    }

    @Test
    void contentWarningReplyAndEdit() {
        String root = post(alice, "{\"status\": \"a thread\"}").get("id").asText();
        String reply = post(alice, "{\"status\": \"spoilers\", \"spoiler_text\": \"the end\", \"in_reply_to_id\": \""
                + root + "\"}").get("id").asText();
        JsonNode note = note("alice", reply);
        assertThat(note.get("inReplyTo").asText()).isEqualTo(noteUrl("alice", root));
        assertThat(note.get("summary").asText()).isEqualTo("the end");
        assertThat(note.get("sensitive").asBoolean()).isTrue();
        assertThat(note.get("conversation").asText()).isEqualTo(note("alice", root).get("conversation").asText())
                .startsWith("tag:" + app.app().config().server().domain() + ",");
        assertThat(note.has("updated")).isFalse();

        assertThat(alice.putJson("/api/v1/statuses/" + reply, "{\"status\": \"spoilers, edited\", "
                + "\"spoiler_text\": \"the end\"}").status()).isEqualTo(200);
        JsonNode edited = note("alice", reply);
        assertThat(edited.get("content").asText()).contains("edited");
        assertThat(Instant.parse(edited.get("updated").asText())).isAfterOrEqualTo(
                Instant.parse(edited.get("published").asText()));
    }

    @Test
    void repliesCollection() {
        String root = post(alice, "{\"status\": \"root\"}").get("id").asText();
        String self = post(alice, "{\"status\": \"and more\", \"in_reply_to_id\": \"" + root + "\"}").get("id").asText();
        String other = post(bob, "{\"status\": \"@alice nice\", \"in_reply_to_id\": \"" + root + "\"}").get("id")
                .asText();
        post(alice, "{\"status\": \"not for everyone\", \"visibility\": \"private\", \"in_reply_to_id\": \"" + root
                + "\"}");

        JsonNode replies = note("alice", root).get("replies");
        String repliesId = noteUrl("alice", root) + "/replies";
        assertThat(replies.get("id").asText()).isEqualTo(repliesId);
        assertThat(replies.get("type").asText()).isEqualTo("Collection");
        JsonNode first = replies.get("first");
        assertThat(first.get("type").asText()).isEqualTo("CollectionPage");
        assertThat(first.get("partOf").asText()).isEqualTo(repliesId);
        assertThat(texts(first.get("items"))).containsExactly(noteUrl("alice", self));
        assertThat(first.get("next").asText()).isEqualTo(repliesId + "?min_id=" + self + "&page=true");

        JsonNode selfPage = Fetch.as2(app.http(), first.get("next").asText()).json();
        assertThat(texts(selfPage.get("items"))).isEmpty();
        assertThat(selfPage.get("next").asText()).isEqualTo(repliesId + "?only_other_accounts=true&page=true");
        JsonNode others = Fetch.as2(app.http(), selfPage.get("next").asText()).json();
        assertThat(texts(others.get("items"))).containsExactly(noteUrl("bob", other));
        assertThat(others.has("next")).isFalse();
        assertThat(Fetch.as2(app.http(), repliesId).json().get("first").get("items").get(0).asText())
                .isEqualTo(noteUrl("alice", self));
    }

    @Test
    void createAndAnnounceActivities() {
        String id = post(alice, "{\"status\": \"boost me\"}").get("id").asText();
        JsonNode create = Fetch.as2(app.http(), noteUrl("alice", id) + "/activity").json();
        assertThat(create.get("type").asText()).isEqualTo("Create");
        assertThat(create.get("id").asText()).isEqualTo(noteUrl("alice", id) + "/activity");
        assertThat(create.get("actor").asText()).isEqualTo(aliceUri);
        assertThat(create.get("object").get("id").asText()).isEqualTo(noteUrl("alice", id));
        assertThat(create.get("object").has("@context")).isFalse();
        assertThat(create.get("to")).isEqualTo(create.get("object").get("to"));
        assertThat(create.get("cc")).isEqualTo(create.get("object").get("cc"));

        JsonNode reblog = bob.post("/api/v1/statuses/" + id + "/reblog").json();
        String reblogId = reblog.get("id").asText();
        HttpResult announce = Fetch.as2(app.http(), noteUrl("bob", reblogId) + "/activity");
        assertThat(announce.status()).isEqualTo(200);
        JsonNode a = announce.json();
        assertThat(a.get("type").asText()).isEqualTo("Announce");
        assertThat(a.get("id").asText()).isEqualTo(noteUrl("bob", reblogId) + "/activity");
        assertThat(a.get("actor").asText()).isEqualTo(bobUri);
        assertThat(a.get("object").asText()).isEqualTo(noteUrl("alice", id));
        assertThat(texts(a.get("to"))).containsExactly(PUBLIC);
        assertThat(texts(a.get("cc"))).containsExactly(aliceUri, bobUri + "/followers");

        HttpResult redirect = Fetch.as2(app.http(), noteUrl("bob", reblogId));
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).hasValue(noteUrl("alice", id));

        assertThat(bob.post("/api/v1/statuses/" + id + "/favourite").status()).isEqualTo(200);
        assertThat(Fetch.as2(app.http(), noteUrl("alice", id) + "/likes").json().get("totalItems").asInt())
                .isEqualTo(1);
        assertThat(Fetch.as2(app.http(), noteUrl("alice", id) + "/shares").json().get("totalItems").asInt())
                .isEqualTo(1);
        JsonNode note = note("alice", id);
        assertThat(note.get("likes").get("totalItems").asInt()).isEqualTo(1);
        assertThat(note.get("shares").get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void pollsAreQuestions() {
        String id = post(alice, """
                {"status": "tea or coffee?", "poll": {"options": ["tea", "coffee"], "expires_in": 3600}}""")
                .get("id").asText();
        JsonNode q = note("alice", id);
        assertThat(q.get("type").asText()).isEqualTo("Question");
        assertThat(q.get("oneOf").findValuesAsText("name")).containsExactly("tea", "coffee");
        assertThat(q.get("oneOf").get(0).get("type").asText()).isEqualTo("Note");
        assertThat(q.get("oneOf").get(0).get("replies").get("totalItems").asInt()).isZero();
        assertThat(q.has("anyOf")).isFalse();
        assertThat(q.get("votersCount").asInt()).isZero();
        assertThat(Instant.parse(q.get("endTime").asText())).isAfter(Instant.now());
        assertThat(q.has("closed")).isFalse();

        String multi = post(alice, """
                {"status": "which?", "poll": {"options": ["a", "b", "c"], "expires_in": 3600, "multiple": true}}""")
                .get("id").asText();
        assertThat(note("alice", multi).get("anyOf").findValuesAsText("name")).containsExactly("a", "b", "c");
    }

    @Test
    void browsersGetAPageAndOtherAuthorsOrDeletedStatusesAreNotFound() {
        String id = post(alice, "{\"status\": \"for browsers\"}").get("id").asText();
        HttpResult toPage = Fetch.browser(app.http(), noteUrl("alice", id));
        assertThat(toPage.status()).isEqualTo(302);
        assertThat(toPage.header("Location")).hasValue(base + "/@alice/" + id);
        HttpResult page = Fetch.browser(app.http(), base + "/@alice/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("for browsers").contains("@alice@");
        assertThat(Fetch.as2(app.http(), base + "/@alice/" + id).json().get("id").asText())
                .isEqualTo(noteUrl("alice", id));

        assertThat(Fetch.as2(app.http(), noteUrl("bob", id)).status()).as("someone else's status").isEqualTo(404);
        assertThat(Fetch.as2(app.http(), noteUrl("alice", "123")).status()).isEqualTo(404);
        assertThat(Fetch.as2(app.http(), noteUrl("alice", "x")).status()).isEqualTo(404);
        assertThat(alice.delete("/api/v1/statuses/" + id).status()).isEqualTo(200);
        assertThat(Fetch.as2(app.http(), noteUrl("alice", id)).status()).as("deleted").isEqualTo(404);
    }
}
