package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.statuses.InteractionTesting.post;
import static social.starling.db.schema.Tables.FAVOURITES;
import static social.starling.db.schema.Tables.FOLLOWS;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The home timeline shows what the database holds of the viewer now, however its reads are cached or combined (the
 * marks remembered by version, {@code ViewerMarks}; the follows of followers-only authors). Rows written straight
 * into the database, as another node would, must show on the next page: a favourite appears, and a followers-only
 * status whose author the viewer no longer follows disappears although its feed entry is still there.
 */
class HomeFeedViewerFactsTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static ApiClient client;

    @BeforeAll
    static void app() {
        client = ApiClient.register(server.http(), "read write follow");
    }

    static JsonNode page(HttpTester viewer) {
        var r = viewer.get("/api/v1/timelines/home?limit=40");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> home(HttpTester viewer) {
        List<String> ids = new ArrayList<>();
        page(viewer).forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    static JsonNode inHome(HttpTester viewer, String id) {
        JsonNode statuses = page(viewer);
        for (JsonNode s : statuses) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError(id + " not in " + statuses);
    }

    @Test
    void viewerFactsWrittenStraightIntoTheDatabaseShowOnTheNextPage() {
        HttpTester hana = InteractionTesting.member(server, client, "hf_hana");
        HttpTester ivo = InteractionTesting.member(server, client, "hf_ivo");
        long hanaId = server.fixtures().account("hf_hana").id();
        long ivoId = server.fixtures().account("hf_ivo").id();
        assertThat(hana.post("/api/v1/accounts/" + ivoId + "/follow").status()).isEqualTo(200);
        String open = post(ivo, "for everyone", "public");
        String closed = post(ivo, "for my followers", "private");
        server.awaitDistributed();
        var db = server.app().core().db();

        assertThat(home(hana)).contains(open, closed);
        assertThat(inHome(hana, closed).get("favourited").asBoolean()).isFalse();
        db.inTransaction(tx -> TestSql.dsl(tx).insertInto(FAVOURITES).set(FAVOURITES.ID, server.app().core().ids().next())
                .set(FAVOURITES.ACCOUNT_ID, hanaId).set(FAVOURITES.STATUS_ID, Long.parseLong(closed))
                .set(FAVOURITES.CREATED_AT, server.app().core().clock().instant()).execute());
        assertThat(inHome(hana, closed).get("favourited").asBoolean()).isTrue();

        // The follow goes, the feed entries stay: the followers-only status may no longer be shown.
        db.inTransaction(tx -> TestSql.dsl(tx).deleteFrom(FOLLOWS).where(FOLLOWS.ACCOUNT_ID.eq(hanaId))
                .and(FOLLOWS.TARGET_ACCOUNT_ID.eq(ivoId)).execute());
        assertThat(home(hana)).contains(open).doesNotContain(closed);
    }
}
