package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.db.schema.Tables;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** GET /api/v1/accounts/:id/statuses with its options, visibility and paging. */
class AccountStatusesTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester alice;
    static HttpTester bob;
    static HttpTester carol;
    static long aliceId;
    static long bobId;
    static long carolId;
    static String replyToBob;
    static String pinned;

    @BeforeAll
    static void setUp() {
        aliceId = server.fixtures().account("alice").id();
        bobId = server.fixtures().account("bob").id();
        carolId = server.fixtures().account("carol").id();
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        alice = client.as("alice", "read write follow");
        bob = client.as("bob", "read write follow");
        carol = client.as("carol", "read write follow");
        assertThat(bob.post("/api/v1/accounts/" + aliceId + "/follow").status()).isEqualTo(200);

        String bobs = post(bob, "bobs own", "public", null);
        String first = post(alice, "public one #tagged", "public", null);
        post(alice, "unlisted one", "unlisted", null);
        post(alice, "private one", "private", null);
        post(alice, "direct to @carol", "direct", null);
        replyToBob = post(alice, "reply to bob", "public", bobs);
        post(alice, "self reply", "public", first);
        pinned = first;
        var app = server.app();
        long reblogId = app.core().ids().next();
        app.core().db().inTransaction(tx -> {
            app.repos().statuses().insert(tx, new Status(reblogId, aliceId, "urn:test:reblog:" + reblogId, null, true,
                    Visibility.PUBLIC, "", "", "", false, null, null, null, Long.parseLong(bobs), null, null, null,
                    0, 0, 0, 0, null, Instant.now()));
            TestSql.dsl(tx).insertInto(Tables.STATUS_PINS).set(Tables.STATUS_PINS.ID, app.core().ids().next())
                    .set(Tables.STATUS_PINS.ACCOUNT_ID, aliceId).set(Tables.STATUS_PINS.STATUS_ID, Long.parseLong(first))
                    .set(Tables.STATUS_PINS.CREATED_AT, Instant.now()).execute();
            return null;
        });
    }

    static String post(HttpTester who, String text, String visibility, String inReplyTo) {
        HttpResult r = who.postJson("/api/v1/statuses", "{\"status\": \"" + text + "\", \"visibility\": \""
                + visibility + "\"" + (inReplyTo == null ? "" : ", \"in_reply_to_id\": \"" + inReplyTo + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    static List<String> texts(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode s : r.json()) {
            JsonNode content = s.get("reblog").isNull() ? s : s.get("reblog");
            out.add((s.get("reblog").isNull() ? "" : "RB:") + content.get("content").asText().replaceAll("<[^>]+>", ""));
        }
        return out;
    }

    static String path(String query) {
        return "/api/v1/accounts/" + aliceId + "/statuses" + query;
    }

    @Test
    void whoSeesWhat() {
        assertThat(texts(server.http().get(path("")))).containsExactly("RB:bobs own", "self reply",
                "reply to bob", "unlisted one", "public one #tagged");
        assertThat(texts(bob.get(path("")))).containsExactly("RB:bobs own", "self reply", "reply to bob",
                "private one", "unlisted one", "public one #tagged");
        assertThat(texts(carol.get(path("")))).containsExactly("RB:bobs own", "self reply", "reply to bob",
                "direct to @carol", "unlisted one", "public one #tagged");
        assertThat(texts(alice.get(path("")))).hasSize(7);
    }

    @Test
    void options() {
        assertThat(texts(bob.get(path("?exclude_replies=true")))).containsExactly("RB:bobs own", "self reply",
                "private one", "unlisted one", "public one #tagged");
        assertThat(texts(bob.get(path("?exclude_reblogs=true")))).doesNotContain("RB:bobs own").hasSize(5);
        assertThat(texts(bob.get(path("?tagged=tagged")))).containsExactly("public one #tagged");
        assertThat(texts(bob.get(path("?tagged=nosuchtag")))).isEmpty();
        assertThat(texts(bob.get(path("?only_media=true")))).isEmpty();
        assertThat(texts(bob.get(path("?pinned=true")))).containsExactly("public one #tagged");
        assertThat(bob.get(path("")).json().get(4).get("pinned")).isNull();
        assertThat(alice.get(path("?pinned=true")).json().get(0).get("pinned").asBoolean()).isTrue();
    }

    @Test
    void paging() {
        HttpResult first = server.http().get(path("?limit=2"));
        assertThat(texts(first)).containsExactly("RB:bobs own", "self reply");
        String link = first.header("Link").orElseThrow();
        assertThat(link).contains("rel=\"next\"").contains("rel=\"prev\"").contains("limit=2");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        assertThat(texts(server.http().get(next))).containsExactly("reply to bob", "unlisted one");
        assertThat(texts(server.http().get(path("?limit=1&min_id=" + replyToBob)))).containsExactly("self reply");
        assertThat(texts(server.http().get(path("?since_id=" + replyToBob)))).containsExactly("RB:bobs own",
                "self reply");
        assertThat(server.http().get("/api/v1/accounts/999/statuses").status()).isEqualTo(404);
    }

    @Test
    void blocksEmptyTheList() {
        var app = server.app();
        app.core().db().inTransaction(tx -> {
            app.repos().relationships().insertBlock(tx, app.core().ids().next(), aliceId, carolId, Instant.now());
            return null;
        });
        app.statuses().relations().evict(carolId);
        app.statuses().relations().evict(aliceId);
        try {
            assertThat(texts(carol.get(path("")))).isEmpty();
            assertThat(texts(alice.get("/api/v1/accounts/" + carolId + "/statuses"))).isEmpty();
        } finally {
            app.core().db().inTransaction(tx -> app.repos().relationships().deleteBlock(tx, aliceId, carolId));
            app.statuses().relations().evict(carolId);
            app.statuses().relations().evict(aliceId);
        }
    }
}
