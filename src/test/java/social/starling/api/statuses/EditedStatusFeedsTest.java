package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.db.schema.Tables;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.StreamClient;
import social.starling.testing.TestApp;

/**
 * An edit is checked against the home and list feed rules again, as Mastodon's fan-out with {@code update}: a
 * status whose new language a follow does not want leaves that follower's home feed and lists, and one whose new
 * language it wants enters them; the user stream of a follower it left gets a {@code delete}, as Mastodon's unpush
 * sends.
 */
class EditedStatusFeedsTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester dora;
    static HttpTester erin;
    static String erinToken;
    static String doraId;
    static String listId;

    @BeforeAll
    static void accounts() {
        doraId = Long.toString(server.fixtures().account("dora").id());
        server.fixtures().account("erin");
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        dora = client.as("dora", "read write follow");
        erinToken = client.login("erin", Fixtures.PASSWORD, "read write follow");
        erin = server.http().withToken(erinToken);
        ok(erin.postJson("/api/v1/accounts/" + doraId + "/follow", "{\"languages\": [\"en\"]}"));
        HttpResult list = erin.postJson("/api/v1/lists", "{\"title\": \"dora\"}");
        ok(list);
        listId = list.json().get("id").asText();
        ok(erin.postJson("/api/v1/lists/" + listId + "/accounts", "{\"account_ids\": [\"" + doraId + "\"]}"));
        // Read once: the home feed is kept and the list's feed built, so fan-out writes into both.
        ok(erin.get("/api/v1/timelines/home"));
        ok(erin.get("/api/v1/timelines/list/" + listId));
    }

    @Test
    void aNewLanguageMovesTheStatusInAndOutOfTheFollowersFeeds() {
        String english = post("{\"status\": \"Good morning\", \"language\": \"en\"}");
        String german = post("{\"status\": \"Guten Morgen\", \"language\": \"de\"}");
        server.awaitDistributed();
        assertThat(ids("/api/v1/timelines/home")).contains(english).doesNotContain(german);
        assertThat(ids("/api/v1/timelines/list/" + listId)).contains(english).doesNotContain(german);

        try (StreamClient stream = StreamClient.socket(server.baseUrl(), erinToken, "stream=user")) {
            ok(dora.putJson("/api/v1/statuses/" + english,
                    "{\"status\": \"Guten Morgen!\", \"language\": \"de\"}"));
            assertThat(stream.nextEvent("delete").payload()).isEqualTo(english);
        }
        ok(dora.putJson("/api/v1/statuses/" + german, "{\"status\": \"Good morning!\", \"language\": \"en\"}"));
        awaitEditsHandled();

        assertThat(ids("/api/v1/timelines/home")).contains(german).doesNotContain(english);
        assertThat(ids("/api/v1/timelines/list/" + listId)).contains(german).doesNotContain(english);
        // The author's own feed keeps both.
        assertThat(ids(dora, "/api/v1/timelines/home")).contains(english, german);
    }

    static String post(String json) {
        HttpResult r = dora.postJson("/api/v1/statuses", json);
        ok(r);
        return r.json().get("id").asText();
    }

    static List<String> ids(String path) {
        return ids(erin, path);
    }

    static List<String> ids(HttpTester who, String path) {
        HttpResult r = who.get(path);
        ok(r);
        return r.json().findValuesAsText("id").stream().toList();
    }

    static void awaitEditsHandled() {
        Await.until(() -> server.app().core().db().read(tx -> TestSql.dsl(tx).fetchCount(Tables.JOBS,
                Tables.JOBS.KIND.eq("status.edited"))) == 0);
    }

    static void ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
