package social.starling.federation.note;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import social.starling.federation.inbox.NoteIngest;
import social.starling.model.Account;
import social.starling.model.Status;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Captured-style payloads from Mastodon, GoToSocial, Misskey and Akkoma (src/test/resources/fixtures/remote) fed
 * through the running App's {@link NoteIngest}, and checked through the Mastodon API as a local member meets them.
 * The remote servers are {@link FakeRemote}s on their own loopback addresses (one origin each).
 */
class RemoteNotesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCOPES = "read write follow";

    private static TestApp app;
    private static FakeRemote mastodon;
    private static FakeRemote gts;
    private static FakeRemote misskey;
    private static FakeRemote akkoma;
    private static Account bob;
    private static Account mallory;
    private static Account carol;
    private static Account dave;
    private static Account erin;
    private static HttpTester alice;
    private static HttpTester zed;
    private static NoteIngest ingest;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");
        app.start();
        Account aliceAccount = app.fixtures().account("alice");
        app.fixtures().account("zed");
        ApiClient client = ApiClient.register(app.http(), SCOPES);
        alice = client.as("alice", SCOPES);
        zed = client.as("zed", SCOPES);
        String local = app.baseUrl();
        mastodon = new FakeRemote("127.0.0.2", local).actor("bob").actor("mallory");
        gts = new FakeRemote("127.0.0.3", local).actor("carol");
        misskey = new FakeRemote("127.0.0.4", local).actor("dave");
        akkoma = new FakeRemote("127.0.0.5", local).actor("erin");
        bob = remoteAccount(mastodon, "bob");
        mallory = remoteAccount(mastodon, "mallory");
        carol = remoteAccount(gts, "carol");
        dave = remoteAccount(misskey, "dave");
        erin = remoteAccount(akkoma, "erin");
        for (Account followed : List.of(bob, carol, dave, erin)) {
            assertThat(alice.post("/api/v1/accounts/" + followed.id() + "/follow").status()).isEqualTo(200);
            app.app().graph().follows().acceptedByRemote(aliceAccount.id(), followed.id());
        }
        ingest = app.app().remoteNotes().noteIngest();
    }

    @AfterAll
    static void stop() {
        for (FakeRemote r : new FakeRemote[] {mastodon, gts, misskey, akkoma}) {
            if (r != null) {
                r.close();
            }
        }
        if (app != null) {
            app.stop();
        }
    }

    private static Account remoteAccount(FakeRemote remote, String name) {
        return app.app().remoteAccounts().resolve().resolveUrl(remote.base() + "/users/" + name)
                .orElseThrow(() -> new AssertionError("cannot resolve " + name + " on " + remote.base()));
    }

    private static JsonNode activity(FakeRemote remote, String fixture) throws Exception {
        return JSON.readTree(remote.fixture(fixture));
    }

    /** Feeds the activity's object to {@link NoteIngest#create}, as the inbox's Create handler will. */
    private static Optional<Status> create(Account actor, JsonNode activity) {
        return ingest.create(actor, activity.get("object"));
    }

    private static Status created(Account actor, FakeRemote remote, String fixture) throws Exception {
        return create(actor, activity(remote, fixture)).orElseThrow(() -> new AssertionError(fixture + " refused"));
    }

    private static List<String> ids(HttpResult timeline) {
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        timeline.json().forEach(s -> out.add(s.get("id").asText()));
        return out;
    }

    private static JsonNode status(HttpTester who, long id) {
        HttpResult r = who.get("/api/v1/statuses/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Ids of the statuses in alice's mention notifications. */
    private static List<String> mentionNotifications() {
        List<String> out = new ArrayList<>();
        alice.get("/api/v1/notifications?types[]=mention&limit=40").json()
                .forEach(n -> out.add(n.path("status").path("id").asText()));
        return out;
    }

    private static List<String> topIds(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.get("id").asText()));
        return out;
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aPublicMastodonNoteReachesHomePublicAndTagTimelinesAndTheMentionedMember() throws Exception {
        Status s = created(bob, mastodon, "mastodon/create-note-public.json");
        app.awaitDistributed();
        String id = Long.toString(s.id());

        assertThat(ids(alice.get("/api/v1/timelines/home"))).contains(id);
        assertThat(ids(alice.get("/api/v1/timelines/public"))).contains(id);
        assertThat(ids(alice.get("/api/v1/timelines/public?remote=true"))).contains(id);
        assertThat(ids(alice.get("/api/v1/timelines/public?local=true"))).doesNotContain(id);
        assertThat(ids(zed.get("/api/v1/timelines/tag/starling"))).contains(id);
        Await.until(() -> mentionNotifications().contains(id));

        JsonNode json = status(zed, s.id());
        assertThat(json.get("visibility").asText()).isEqualTo("public");
        assertThat(json.get("uri").asText()).isEqualTo(mastodon.base() + "/users/bob/statuses/110000000000000001");
        assertThat(json.get("url").asText()).isEqualTo(mastodon.base() + "/@bob/110000000000000001");
        assertThat(json.get("language").asText()).isEqualTo("en");
        assertThat(json.get("account").get("acct").asText()).isEqualTo("bob@" + mastodon.domain());
        assertThat(json.get("content").asText()).contains("class=\"u-url mention\"").contains("h-card")
                .contains("welcome to the fediverse");
        assertThat(json.get("mentions").findValuesAsText("username")).containsExactly("alice");
        assertThat(json.get("tags").findValuesAsText("name")).singleElement().satisfies(
                name -> assertThat(name).isEqualToIgnoringCase("starling"));

        // Idempotent on the object id.
        assertThat(create(bob, activity(mastodon, "mastodon/create-note-public.json")).orElseThrow().id())
                .isEqualTo(s.id());
    }

    @Test
    void visibilityComesFromToAndCcAsMastodonDerivesIt() throws Exception {
        Status unlisted = created(bob, mastodon, "mastodon/create-note-unlisted.json");
        Status followers = created(bob, mastodon, "mastodon/create-note-private.json");
        Status direct = created(bob, mastodon, "mastodon/create-note-direct.json");
        Status gtsFollowers = created(carol, gts, "gotosocial/create-note-followers.json");
        Status misskeyHome = created(dave, misskey, "misskey/create-note-home.json");
        Status akkomaDirect = created(erin, akkoma, "akkoma/create-note-direct.json");
        app.awaitDistributed();

        assertThat(status(alice, unlisted.id()).get("visibility").asText()).isEqualTo("unlisted");
        assertThat(status(alice, followers.id()).get("visibility").asText()).isEqualTo("private");
        assertThat(status(alice, direct.id()).get("visibility").asText()).isEqualTo("direct");
        assertThat(status(alice, gtsFollowers.id()).get("visibility").asText()).isEqualTo("private");
        assertThat(status(alice, gtsFollowers.id()).get("language").asText()).isEqualTo("de");
        assertThat(status(alice, misskeyHome.id()).get("visibility").asText()).isEqualTo("unlisted");
        assertThat(status(alice, akkomaDirect.id()).get("visibility").asText()).isEqualTo("direct");
        assertThat(status(alice, unlisted.id()).get("spoiler_text").asText()).isEqualTo("cooking");
        assertThat(status(alice, unlisted.id()).get("sensitive").asBoolean()).isTrue();

        // Someone who follows nobody sees the unlisted ones, not the others.
        assertThat(zed.get("/api/v1/statuses/" + unlisted.id()).status()).isEqualTo(200);
        for (Status hidden : List.of(followers, direct, gtsFollowers, akkomaDirect)) {
            assertThat(zed.get("/api/v1/statuses/" + hidden.id()).status()).isEqualTo(404);
        }
        List<String> home = ids(alice.get("/api/v1/timelines/home?limit=40"));
        assertThat(home).contains(Long.toString(unlisted.id()), Long.toString(followers.id()),
                Long.toString(direct.id()), Long.toString(gtsFollowers.id()), Long.toString(misskeyHome.id()),
                Long.toString(akkomaDirect.id()));
        List<String> publicTimeline = ids(alice.get("/api/v1/timelines/public?limit=40"));
        assertThat(publicTimeline).doesNotContain(Long.toString(unlisted.id()), Long.toString(followers.id()),
                Long.toString(direct.id()), Long.toString(misskeyHome.id()));
        Await.until(() -> mentionNotifications().containsAll(List.of(Long.toString(direct.id()),
                Long.toString(akkomaDirect.id()))));
        Await.until(() -> {
            List<String> last = new ArrayList<>();
            alice.get("/api/v1/conversations").json().forEach(c -> last.add(c.path("last_status").path("id").asText()));
            return last.contains(Long.toString(akkomaDirect.id()));
        });
    }

    @Test
    void goToSocialMisskeyAndAkkomaNotesAreReadAndSanitised() throws Exception {
        Status fromGts = created(carol, gts, "gotosocial/create-note-public.json");
        Status fromMisskey = created(dave, misskey, "misskey/create-note-public.json");
        Status fromAkkoma = created(erin, akkoma, "akkoma/create-note-public.json");
        app.awaitDistributed();

        List<String> tag = ids(alice.get("/api/v1/timelines/tag/starling?limit=40"));
        assertThat(tag).contains(Long.toString(fromGts.id()), Long.toString(fromMisskey.id()),
                Long.toString(fromAkkoma.id()));
        JsonNode gtsJson = status(alice, fromGts.id());
        assertThat(gtsJson.get("url").asText()).isEqualTo(gts.base()
                + "/@carol/statuses/01JN8Q7Z5Y3M2K4B6C8D0E1F2G");
        assertThat(gtsJson.get("content").asText()).contains("rel=\"nofollow noopener\"").contains("hashtag");
        Await.until(() -> mentionNotifications().contains(Long.toString(fromMisskey.id())));

        String html = status(alice, fromAkkoma.id()).get("content").asText();
        assertThat(html).contains("Akkoma here.").contains("class=\"hashtag\"").doesNotContain("<script")
                .doesNotContain("alert(1)").doesNotContain("onclick").doesNotContain("custom-thing")
                .doesNotContain("javascript:").doesNotContain("data-tag");
    }

    @Test
    void questionsBecomePollsWithTheRemoteCounts() throws Exception {
        Status mastodonPoll = created(bob, mastodon, "mastodon/create-question.json");
        Status misskeyPoll = created(dave, misskey, "misskey/create-question.json");

        JsonNode poll = status(alice, mastodonPoll.id()).get("poll");
        assertThat(poll.get("multiple").asBoolean()).isFalse();
        assertThat(poll.get("expired").asBoolean()).isFalse();
        assertThat(poll.get("votes_count").asInt()).isEqualTo(7);
        assertThat(poll.get("voters_count").isNull()).isTrue(); // Mastodon shows voters for multiple choice only
        assertThat(poll.get("options").findValuesAsText("title")).containsExactly("Tea", "Coffee");
        assertThat(poll.get("options").findValues("votes_count")).extracting(JsonNode::asInt).containsExactly(4, 3);

        JsonNode multiple = status(alice, misskeyPoll.id()).get("poll");
        assertThat(multiple.get("multiple").asBoolean()).isTrue();
        assertThat(multiple.get("voters_count").asInt()).isEqualTo(7); // not given: the votes stand for it
        assertThat(multiple.get("options").findValues("votes_count")).extracting(JsonNode::asInt)
                .containsExactly(2, 5, 0);

        // An Update without a newer `updated` only brings new counts (Mastodon's implicit update).
        JsonNode object = activity(mastodon, "mastodon/create-question.json").get("object");
        ((ObjectNode) object.get("oneOf").get(0).get("replies")).put("totalItems", 10);
        ((ObjectNode) object).put("votersCount", 13);
        ingest.update(bob, object);
        JsonNode after = status(alice, mastodonPoll.id()).get("poll");
        assertThat(after.get("options").findValues("votes_count")).extracting(JsonNode::asInt).containsExactly(10, 3);
        assertThat(after.get("votes_count").asInt()).isEqualTo(13);
        assertThat(alice.get("/api/v1/statuses/" + mastodonPoll.id() + "/history").json()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aReplyFetchesItsMissingParentSignedByTheInstanceActor() throws Exception {
        mastodon.put("/users/bob/statuses/110000000000000005", mastodon.fixture("mastodon/note-thread-start.json"));
        int before = mastodon.received.size();
        Status reply = created(bob, mastodon, "mastodon/create-note-reply.json");

        assertThat(reply.inReplyToId()).isNotNull();
        JsonNode parent = status(alice, reply.inReplyToId());
        assertThat(parent.get("uri").asText()).isEqualTo(mastodon.base() + "/users/bob/statuses/110000000000000005");
        assertThat(parent.get("replies_count").asInt()).isEqualTo(1);
        JsonNode context = alice.get("/api/v1/statuses/" + reply.id() + "/context").json();
        assertThat(topIds(context.get("ancestors"))).containsExactly(Long.toString(reply.inReplyToId()));
        assertThat(status(alice, reply.id()).get("in_reply_to_account_id").asText()).isEqualTo(Long.toString(bob.id()));

        var fetch = mastodon.received.subList(before, mastodon.received.size()).stream()
                .filter(r -> r.path().equals("/users/bob/statuses/110000000000000005")).findFirst().orElseThrow();
        assertThat(fetch.headers().getFirst("Signature")).contains("keyId=\"" + app.baseUrl() + "/actor#main-key\"");
    }

    @Test
    void aThreadWithAnUnreachableParentIsCompletedWhenItIsOpened() throws Exception {
        String text = mastodon.fixture("mastodon/create-note-reply.json")
                .replace("110000000000000006", "110000000000000016").replace("110000000000000005", "110000000000000015");
        Status reply = create(bob, JSON.readTree(text)).orElseThrow();
        assertThat(reply.inReplyToId()).isNull();
        assertThat(status(alice, reply.id()).get("in_reply_to_id").isNull()).isTrue();

        mastodon.put("/users/bob/statuses/110000000000000015", mastodon.fixture("mastodon/note-thread-start.json")
                .replace("110000000000000005", "110000000000000015"));
        assertThat(alice.get("/api/v1/statuses/" + reply.id() + "/context").json().get("ancestors")).isEmpty();
        Await.until(() -> alice.get("/api/v1/statuses/" + reply.id() + "/context").json().get("ancestors")
                .size() == 1);
        JsonNode linked = status(alice, reply.id());
        assertThat(linked.get("in_reply_to_id").isNull()).isFalse();
        assertThat(status(alice, linked.get("in_reply_to_id").asLong()).get("replies_count").asInt()).isEqualTo(1);
    }

    @Test
    void anUpdateByTheAuthorIsAnEditWithHistoryAndOthersCannotEdit() throws Exception {
        Status s = created(bob, mastodon, "mastodon/create-note-public.json");
        JsonNode update = activity(mastodon, "mastodon/update-note.json");

        // Mallory on the same server: her own attribution does not make bob's note hers; bob's is not hers to send.
        ObjectNode asMallory = update.get("object").deepCopy();
        asMallory.put("attributedTo", mallory.uri()).put("content", "<p>hijacked</p>");
        ingest.update(mallory, asMallory);
        ingest.update(mallory, ((ObjectNode) update.get("object").deepCopy()).put("content", "<p>hijacked</p>"));
        assertThat(status(alice, s.id()).get("content").asText()).doesNotContain("hijacked");
        assertThat(alice.get("/api/v1/statuses/" + s.id() + "/history").json()).hasSizeLessThanOrEqualTo(1);

        ingest.update(bob, update.get("object"));
        JsonNode json = status(alice, s.id());
        assertThat(json.get("content").asText()).contains("(typo fixed)");
        assertThat(json.get("spoiler_text").asText()).isEqualTo("edited");
        assertThat(json.get("sensitive").asBoolean()).isTrue();
        assertThat(json.get("edited_at").asText()).startsWith("2025-03-01T12:00:00");
        JsonNode history = alice.get("/api/v1/statuses/" + s.id() + "/history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("content").asText()).doesNotContain("typo fixed");
        assertThat(history.get(1).get("content").asText()).contains("typo fixed");

        // The same version again, or an older one, changes nothing.
        ingest.update(bob, update.get("object"));
        ObjectNode older = update.get("object").deepCopy();
        older.put("updated", "2025-03-01T11:00:00Z").put("content", "<p>stale</p>");
        ingest.update(bob, older);
        assertThat(alice.get("/api/v1/statuses/" + s.id() + "/history").json()).hasSize(2);
        assertThat(status(alice, s.id()).get("content").asText()).contains("(typo fixed)");
    }

    @Test
    void onlyTheAuthorDeletes() throws Exception {
        Status s = created(bob, mastodon, "mastodon/create-note-unlisted.json");
        JsonNode delete = activity(mastodon, "mastodon/delete-tombstone.json");
        String objectId = delete.get("object").get("id").asText();

        ingest.delete(mallory, objectId);
        ingest.delete(carol, objectId);
        assertThat(alice.get("/api/v1/statuses/" + s.id()).status()).isEqualTo(200);
        ingest.delete(bob, mastodon.base() + "/users/bob/statuses/999"); // unknown: nothing happens

        ingest.delete(bob, objectId);
        assertThat(alice.get("/api/v1/statuses/" + s.id()).status()).isEqualTo(404);
        assertThat(ingest.resolve(objectId)).isEmpty(); // gone remotely too (404 from the fake server)
    }

    @Test
    void notesOutsideTheirActorsOriginOrAuthorshipOrClaimingThisServerAreIgnored() throws Exception {
        JsonNode base = activity(mastodon, "mastodon/create-note-public.json").get("object");

        ObjectNode otherHost = base.deepCopy();
        otherHost.put("id", gts.base() + "/users/bob/statuses/1");
        assertThat(ingest.create(bob, otherHost)).isEmpty();

        ObjectNode otherAuthor = base.deepCopy();
        otherAuthor.put("id", mastodon.base() + "/users/mallory/statuses/2").put("attributedTo", mallory.uri());
        assertThat(ingest.create(bob, otherAuthor)).isEmpty();

        ObjectNode ours = base.deepCopy();
        ours.put("id", app.baseUrl() + "/users/alice/statuses/3");
        assertThat(ingest.create(bob, ours)).isEmpty();

        for (String uri : List.of(gts.base() + "/users/bob/statuses/1", mastodon.base() + "/users/mallory/statuses/2",
                app.baseUrl() + "/users/alice/statuses/3")) {
            Optional<Status> stored = app.app().core().db().read(tx -> app.app().repos().statuses().findByUri(tx, uri));
            assertThat(stored).isEmpty();
        }
    }

    @Test
    void oversizedTagListsAreBounded() throws Exception {
        ObjectNode object = activity(mastodon, "mastodon/create-note-public.json").get("object").deepCopy();
        object.put("id", mastodon.base() + "/users/bob/statuses/110000000000000100");
        ArrayNode tags = object.putArray("tag");
        for (int i = 0; i < 300; i++) {
            tags.addObject().put("type", "Hashtag").put("name", "#tag" + i);
            tags.addObject().put("type", "Mention").put("href", mastodon.base() + "/users/nobody" + i);
        }
        int before = mastodon.received.size();
        Status s = ingest.create(bob, object).orElseThrow();
        assertThat(status(alice, s.id()).get("tags")).hasSize(NoteReader.MAX_HASHTAGS);
        long actorFetches = mastodon.received.subList(before, mastodon.received.size()).stream()
                .filter(r -> r.path().startsWith("/users/nobody")).count();
        assertThat(actorFetches).isLessThanOrEqualTo(NoteIngestService.MAX_MENTION_FETCHES);
    }

    @Test
    void searchResolvesAStatusUrlAndAnswersLocalOnes() throws Exception {
        String note = mastodon.fixture("mastodon/note-thread-start.json").replace("110000000000000005",
                "110000000000000009").replace("A thread about birds", "Searchable birds");
        mastodon.put("/users/bob/statuses/110000000000000009", note).put("/@bob/110000000000000009", note);
        int before = mastodon.received.size();

        HttpResult byPage = alice.get("/api/v2/search?q=" + q(mastodon.base() + "/@bob/110000000000000009")
                + "&resolve=True");
        assertThat(byPage.status()).as(byPage.body()).isEqualTo(200);
        JsonNode statuses = byPage.json().get("statuses");
        assertThat(statuses).hasSize(1);
        assertThat(statuses.get(0).get("uri").asText()).isEqualTo(mastodon.base() + "/users/bob/statuses/110000000000000009");
        assertThat(statuses.get(0).get("content").asText()).contains("Searchable birds");
        assertThat(mastodon.received.subList(before, mastodon.received.size()))
                .anyMatch(r -> r.path().equals("/@bob/110000000000000009")
                        && r.headers().getFirst("Signature") != null);
        HttpResult byId = alice.get("/api/v2/search?q=" + q(statuses.get(0).get("uri").asText())
                + "&resolve=true&type=statuses");
        assertThat(byId.json().get("statuses").get(0).get("id").asText()).isEqualTo(statuses.get(0).get("id").asText());

        // A known actor's URL is an account: answered from the database, its server not asked again.
        int beforeActor = mastodon.received.size();
        HttpResult actor = alice.get("/api/v2/search?q=" + q(bob.uri()) + "&resolve=true");
        assertThat(topIds(actor.json().get("accounts"))).containsExactly(Long.toString(bob.id()));
        assertThat(actor.json().get("statuses")).isEmpty();
        assertThat(mastodon.received.size()).isEqualTo(beforeActor);

        String own = alice.postJson("/api/v1/statuses", "{\"status\": \"local and public\"}").json().get("id").asText();
        HttpResult local = zed.get("/api/v2/search?q=" + q(app.baseUrl() + "/@alice/" + own) + "&resolve=true");
        assertThat(topIds(local.json().get("statuses"))).containsExactly(own);
        String secret = alice.postJson("/api/v1/statuses", "{\"status\": \"only me\", \"visibility\": \"direct\"}")
                .json().get("id").asText();
        assertThat(zed.get("/api/v2/search?q=" + q(app.baseUrl() + "/@alice/" + secret) + "&resolve=true").json()
                .get("statuses")).isEmpty();
    }
}
