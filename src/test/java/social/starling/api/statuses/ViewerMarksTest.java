package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.statuses.InteractionTesting.post;
import static social.starling.db.schema.Tables.BOOKMARKS;
import static social.starling.db.schema.Tables.FAVOURITES;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.STATUSES;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * A viewer's marks are remembered between requests ({@code ViewerMarks}) and must still change the moment the rows
 * behind them do, whoever wrote them: here some rows are written straight into the database, as another node or a
 * code path that knows nothing of the cache would, and the next read must show them.
 */
class ViewerMarksTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static ApiClient client;

    @BeforeAll
    static void app() {
        client = ApiClient.register(server.http(), "read write follow");
    }

    static HttpTester as(String name) {
        return InteractionTesting.member(server, client, name);
    }

    static JsonNode read(HttpTester viewer, String id) {
        var r = viewer.get("/api/v1/statuses/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void marksWrittenStraightIntoTheDatabaseShowOnTheNextRead() {
        HttpTester vera = as("mv_vera");
        HttpTester walt = as("mv_walt");
        long veraId = server.fixtures().account("mv_vera").id();
        String id = post(walt, "mark me", "public");
        var db = server.app().core().db();
        var ids = server.app().core().ids();

        assertThat(read(vera, id).get("favourited").asBoolean()).isFalse();
        assertThat(read(vera, id).get("bookmarked").asBoolean()).isFalse();
        db.inTransaction(tx -> TestSql.dsl(tx).insertInto(FAVOURITES).set(FAVOURITES.ID, ids.next())
                .set(FAVOURITES.ACCOUNT_ID, veraId).set(FAVOURITES.STATUS_ID, Long.parseLong(id))
                .set(FAVOURITES.CREATED_AT, server.app().core().clock().instant()).execute());
        assertThat(read(vera, id).get("favourited").asBoolean()).isTrue();
        db.inTransaction(tx -> TestSql.dsl(tx).insertInto(BOOKMARKS).set(BOOKMARKS.ID, ids.next())
                .set(BOOKMARKS.ACCOUNT_ID, veraId).set(BOOKMARKS.STATUS_ID, Long.parseLong(id))
                .set(BOOKMARKS.CREATED_AT, server.app().core().clock().instant()).execute());
        JsonNode both = read(vera, id);
        assertThat(both.get("favourited").asBoolean()).isTrue();
        assertThat(both.get("bookmarked").asBoolean()).isTrue();
        // another viewer's marks are their own
        assertThat(read(walt, id).get("favourited").asBoolean()).isFalse();

        db.inTransaction(tx -> TestSql.dsl(tx).deleteFrom(FAVOURITES).where(FAVOURITES.ACCOUNT_ID.eq(veraId))
                .execute());
        JsonNode after = read(vera, id);
        assertThat(after.get("favourited").asBoolean()).isFalse();
        assertThat(after.get("bookmarked").asBoolean()).isTrue();
    }

    @Test
    void reblogsPinsAndThreadMutesChangeTheRememberedMarks() {
        HttpTester yara = as("mv_yara");
        HttpTester zeno = as("mv_zeno");
        long yaraId = server.fixtures().account("mv_yara").id();
        String theirs = post(zeno, "boost me", "public");
        String own = post(yara, "pin me", "public");

        JsonNode before = read(yara, own);
        assertThat(before.get("pinned").asBoolean()).isFalse();
        assertThat(before.get("muted").asBoolean()).isFalse();
        assertThat(read(yara, theirs).get("reblogged").asBoolean()).isFalse();

        assertThat(yara.post("/api/v1/statuses/" + theirs + "/reblog").status()).isEqualTo(200);
        assertThat(read(yara, theirs).get("reblogged").asBoolean()).isTrue();
        assertThat(yara.post("/api/v1/statuses/" + own + "/pin").status()).isEqualTo(200);
        assertThat(yara.post("/api/v1/statuses/" + own + "/mute").status()).isEqualTo(200);
        JsonNode marked = read(yara, own);
        assertThat(marked.get("pinned").asBoolean()).isTrue();
        assertThat(marked.get("muted").asBoolean()).isTrue();

        // the reblog removed behind the API's back
        server.app().core().db().inTransaction(tx -> TestSql.dsl(tx).deleteFrom(STATUSES)
                .where(STATUSES.ACCOUNT_ID.eq(yaraId)).and(STATUSES.REBLOG_OF_ID.eq(Long.parseLong(theirs)))
                .execute());
        assertThat(read(yara, theirs).get("reblogged").asBoolean()).isFalse();
        assertThat(yara.post("/api/v1/statuses/" + own + "/unpin").status()).isEqualTo(200);
        assertThat(yara.post("/api/v1/statuses/" + own + "/unmute").status()).isEqualTo(200);
        JsonNode unmarked = read(yara, own);
        assertThat(unmarked.get("pinned").asBoolean()).isFalse();
        assertThat(unmarked.get("muted").asBoolean()).isFalse();
    }

    /** Whom a viewer follows is remembered with the marks, and changes with the follows rows, however written. */
    @Test
    void followersOnlyStatusesShowTheMomentTheFollowRowChanges() {
        HttpTester seer = as("mv_seer");
        HttpTester hidden = as("mv_hidden");
        long seerId = server.fixtures().account("mv_seer").id();
        long hiddenId = server.fixtures().account("mv_hidden").id();
        String id = post(hidden, "for my followers", "private");
        var db = server.app().core().db();

        assertThat(seer.get("/api/v1/statuses/" + id).status()).isEqualTo(404);
        assertThat(seer.get("/api/v1/statuses/" + id).status()).isEqualTo(404); // now from memory
        db.inTransaction(tx -> TestSql.dsl(tx).insertInto(FOLLOWS).set(FOLLOWS.ID, server.app().core().ids().next())
                .set(FOLLOWS.ACCOUNT_ID, seerId).set(FOLLOWS.TARGET_ACCOUNT_ID, hiddenId)
                .set(FOLLOWS.CREATED_AT, server.app().core().clock().instant()).execute());
        assertThat(read(seer, id).get("content").asText()).contains("for my followers");
        assertThat(read(seer, id).get("content").asText()).contains("for my followers");
        db.inTransaction(tx -> TestSql.dsl(tx).deleteFrom(FOLLOWS).where(FOLLOWS.ACCOUNT_ID.eq(seerId)).execute());
        assertThat(seer.get("/api/v1/statuses/" + id).status()).isEqualTo(404);
        // through the API too
        assertThat(seer.post("/api/v1/accounts/" + hiddenId + "/follow").status()).isEqualTo(200);
        assertThat(read(seer, id).get("content").asText()).contains("for my followers");
        assertThat(seer.post("/api/v1/accounts/" + hiddenId + "/unfollow").status()).isEqualTo(200);
        assertThat(seer.get("/api/v1/statuses/" + id).status()).isEqualTo(404);
    }
}
