package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.statuses.FavouritesApiTest.ids;
import static social.starling.api.statuses.FavouritesApiTest.usernames;
import static social.starling.api.statuses.InteractionTesting.links;
import static social.starling.api.statuses.InteractionTesting.notifications;
import static social.starling.api.statuses.InteractionTesting.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.NotificationType;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Reblogs: the new status, counts, notifications, home feeds, Mastodon's rules, and who reblogged. */
class ReblogsApiTest {
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

    static long idOf(String name) {
        return server.fixtures().account(name).id();
    }

    static int statusesCount(String name) {
        return server.http().get("/api/v1/accounts/" + idOf(name)).json().get("statuses_count").asInt();
    }

    static List<String> home(HttpTester as) {
        return ids(as.get("/api/v1/timelines/home"));
    }

    @Test
    void aReblogIsANewStatusThatReachesFollowersAndIsUndone() {
        HttpTester alice = as("alice");
        HttpTester bob = as("bob");
        HttpTester carol = as("carol");
        assertThat(carol.post("/api/v1/accounts/" + idOf("bob") + "/follow").status()).isEqualTo(200);
        String original = post(alice, "boost me", "public");
        int before = statusesCount("bob");

        HttpResult reblogged = bob.post("/api/v1/statuses/" + original + "/reblog");
        assertThat(reblogged.status()).as(reblogged.body()).isEqualTo(200);
        Golden.assertMatches("reblog.json", reblogged.body());
        JsonNode reblog = reblogged.json();
        String reblogId = reblog.get("id").asText();
        assertThat(reblogId).isNotEqualTo(original);
        assertThat(reblog.get("uri").asText()).endsWith("/users/bob/statuses/" + reblogId + "/activity");
        // The caller's marks describe the boosted status, on the wrapper too (as Mastodon's reblog answer does).
        assertThat(reblog.get("reblog").get("id").asText()).isEqualTo(original);
        assertThat(reblog.get("reblog").get("reblogged").asBoolean()).isTrue();
        assertThat(reblog.get("reblogged").asBoolean()).isTrue();
        assertThat(reblog.get("reblog").get("reblogs_count").asInt()).isEqualTo(1);
        assertThat(statusesCount("bob")).isEqualTo(before + 1);
        assertThat(notifications(server, idOf("alice"), idOf("bob"), NotificationType.REBLOG, original)).isEqualTo(1);
        assertThat(alice.get("/api/v1/statuses/" + original).json().get("reblogged").asBoolean()).isFalse();

        // Twice, or through the reblog itself: the same reblog, nothing counted again.
        assertThat(bob.post("/api/v1/statuses/" + original + "/reblog").json().get("id").asText()).isEqualTo(reblogId);
        assertThat(bob.post("/api/v1/statuses/" + reblogId + "/reblog").json().get("id").asText())
                .isEqualTo(reblogId);
        assertThat(alice.get("/api/v1/statuses/" + original).json().get("reblogs_count").asInt()).isEqualTo(1);

        Await.until(() -> home(carol).contains(reblogId));
        assertThat(home(bob)).contains(reblogId);
        assertThat(usernames(server.http().get("/api/v1/statuses/" + original + "/reblogged_by")))
                .containsExactly("bob");

        HttpResult undone = bob.post("/api/v1/statuses/" + original + "/unreblog");
        assertThat(undone.status()).isEqualTo(200);
        assertThat(undone.json().get("id").asText()).isEqualTo(original);
        assertThat(undone.json().get("reblogged").asBoolean()).isFalse();
        assertThat(undone.json().get("reblogs_count").asInt()).isZero();
        assertThat(statusesCount("bob")).isEqualTo(before);
        assertThat(notifications(server, idOf("alice"), idOf("bob"), NotificationType.REBLOG, original)).isZero();
        assertThat(home(carol)).doesNotContain(reblogId);
        assertThat(server.http().get("/api/v1/statuses/" + reblogId).status()).isEqualTo(404);
        assertThat(usernames(server.http().get("/api/v1/statuses/" + original + "/reblogged_by"))).isEmpty();
        assertThat(bob.post("/api/v1/statuses/" + original + "/unreblog").status()).isEqualTo(200);

        // Reblogging again reaches the feed again (the undone reblog left nothing behind).
        String again = bob.post("/api/v1/statuses/" + original + "/reblog").json().get("id").asText();
        Await.until(() -> home(carol).contains(again));
    }

    @Test
    void deletingOnesOwnReblogUndoesIt() {
        // Mastodon: DELETE /api/v1/statuses/:id finds any status of the caller's, a reblog included, and removing a
        // reblog is an unreblog (counts, notification, feeds, Undo Announce); the answer is the reblog as it was.
        HttpTester dora = as("dora");
        HttpTester erin = as("erin");
        HttpTester fred = as("fred");
        assertThat(fred.post("/api/v1/accounts/" + idOf("erin") + "/follow").status()).isEqualTo(200);
        String original = post(dora, "delete my boost", "public");
        int before = statusesCount("erin");
        String reblogId = erin.post("/api/v1/statuses/" + original + "/reblog").json().get("id").asText();
        Await.until(() -> home(fred).contains(reblogId));

        // Someone else's reblog stays a 404, as before.
        assertThat(fred.delete("/api/v1/statuses/" + reblogId).status()).isEqualTo(404);

        HttpResult deleted = erin.delete("/api/v1/statuses/" + reblogId);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("id").asText()).isEqualTo(reblogId);
        assertThat(deleted.json().get("reblog").get("id").asText()).isEqualTo(original);
        assertThat(server.http().get("/api/v1/statuses/" + reblogId).status()).isEqualTo(404);
        assertThat(dora.get("/api/v1/statuses/" + original).json().get("reblogs_count").asInt()).isZero();
        assertThat(erin.get("/api/v1/statuses/" + original).json().get("reblogged").asBoolean()).isFalse();
        assertThat(statusesCount("erin")).isEqualTo(before);
        assertThat(notifications(server, idOf("dora"), idOf("erin"), NotificationType.REBLOG, original)).isZero();
        assertThat(home(fred)).doesNotContain(reblogId);
        assertThat(erin.delete("/api/v1/statuses/" + reblogId).status()).isEqualTo(404);
    }

    @Test
    void privateStatusesOnlyByTheirAuthorDirectNeverInvisibleNotFound() {
        HttpTester dan = as("dan");
        HttpTester eve = as("eve");
        assertThat(eve.post("/api/v1/accounts/" + idOf("dan") + "/follow").status()).isEqualTo(200);
        String privately = post(dan, "followers only", "private");
        String direct = post(dan, "psst @eve", "direct");

        HttpResult other = eve.post("/api/v1/statuses/" + privately + "/reblog");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("error").asText()).isEqualTo("This action is not allowed");
        assertThat(eve.post("/api/v1/statuses/" + direct + "/reblog").status()).isEqualTo(403);
        assertThat(dan.post("/api/v1/statuses/" + direct + "/reblog").status()).isEqualTo(403);

        HttpResult own = dan.post("/api/v1/statuses/" + privately + "/reblog?visibility=public");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("visibility").asText()).isEqualTo("private");

        HttpTester stranger = as("fred");
        assertThat(stranger.post("/api/v1/statuses/" + privately + "/reblog").status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/statuses/" + own.json().get("id").asText() + "/reblog").status())
                .isEqualTo(404);
        assertThat(stranger.post("/api/v1/statuses/999999999/reblog").status()).isEqualTo(404);
        assertThat(dan.get("/api/v1/statuses/" + privately).json().get("reblogs_count").asInt()).isEqualTo(1);
        assertThat(dan.get("/api/v1/statuses/" + direct).json().get("reblogs_count").asInt()).isZero();
    }

    @Test
    void theVisibilityAskedForIsKeptAndBadValuesStoreNothing() {
        HttpTester gil = as("gil");
        HttpTester hana = as("hana");
        String id = post(gil, "reblog with care", "public");
        int before = statusesCount("hana");

        HttpResult bad = hana.postForm("/api/v1/statuses/" + id + "/reblog", java.util.Map.of("visibility", "loud"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("error").asText()).isEqualTo("Validation failed: Visibility is not included in the list");
        HttpResult direct = hana.postJson("/api/v1/statuses/" + id + "/reblog", "{\"visibility\": \"direct\"}");
        assertThat(direct.status()).isEqualTo(422);
        assertThat(direct.json().get("error").asText()).isEqualTo("Validation failed: Visibility is reserved");
        assertThat(gil.get("/api/v1/statuses/" + id).json().get("reblogs_count").asInt()).isZero();
        assertThat(statusesCount("hana")).isEqualTo(before);

        HttpResult unlisted = hana.postJson("/api/v1/statuses/" + id + "/reblog", "{\"visibility\": \"unlisted\"}");
        assertThat(unlisted.status()).isEqualTo(200);
        assertThat(unlisted.json().get("visibility").asText()).isEqualTo("unlisted");
        HttpResult plain = as("ivan").post("/api/v1/statuses/" + id + "/reblog");
        assertThat(plain.json().get("visibility").asText()).isEqualTo("public");
    }

    @Test
    void rebloggedByPagesByReblogIdAndLeavesPrivateReblogsOut() {
        HttpTester kai = as("kai");
        String id = post(kai, "share this", "public");
        for (String name : List.of("rb1", "rb2", "rb3")) {
            assertThat(as(name).post("/api/v1/statuses/" + id + "/reblog").status()).isEqualTo(200);
        }
        assertThat(as("rb4").postJson("/api/v1/statuses/" + id + "/reblog", "{\"visibility\": \"private\"}")
                .status()).isEqualTo(200);
        HttpResult first = server.http().get("/api/v1/statuses/" + id + "/reblogged_by?limit=2");
        assertThat(usernames(first)).containsExactly("rb3", "rb2");
        HttpResult next = server.http().get(links(first, server.baseUrl()).get("next"));
        assertThat(usernames(next)).containsExactly("rb1");
        assertThat(kai.get("/api/v1/statuses/" + id).json().get("reblogs_count").asInt()).isEqualTo(4);
        assertThat(server.http().get("/api/v1/statuses/12345/reblogged_by").status()).isEqualTo(404);
    }
}
