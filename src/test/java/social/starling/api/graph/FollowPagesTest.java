package social.starling.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.graph.Graph.follow;
import static social.starling.api.graph.Graph.ids;
import static social.starling.api.graph.Graph.link;
import static social.starling.api.graph.Graph.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Follow requests, and the followers and following pages, through HTTP. */
class FollowPagesTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static ApiClient client;

    @BeforeAll
    static void setUp() {
        client = ApiClient.register(server.http(), "read write follow");
    }

    static HttpTester as(String name) {
        server.fixtures().account(name);
        return client.as(name, "read write follow");
    }

    @Test
    void followRequestsAreListedAuthorizedAndRejected() {
        HttpTester lock = as("lock");
        String lockId = Graph.id(lock);
        ok(lock.patchJson("/api/v1/accounts/update_credentials", "{\"locked\": true}"));
        List<HttpTester> askers = List.of(as("ask1"), as("ask2"), as("ask3"));
        List<String> askerIds = new ArrayList<>();
        for (HttpTester a : askers) {
            askerIds.add(Graph.id(a));
            assertThat(ok(a.post("/api/v1/accounts/" + lockId + "/follow")).json().get("requested").asBoolean())
                    .isTrue();
        }
        HttpResult page = lock.get("/api/v1/follow_requests?limit=2");
        assertThat(ids(page)).containsExactly(askerIds.get(2), askerIds.get(1));
        assertThat(page.json().get(0).get("acct").asText()).isEqualTo("ask3");
        assertThat(ids(lock.get(link(page, "next")))).containsExactly(askerIds.get(0));

        JsonNode authorized = ok(lock.post("/api/v1/follow_requests/" + askerIds.get(0) + "/authorize")).json();
        assertThat(authorized.get("id").asText()).isEqualTo(askerIds.get(0));
        assertThat(authorized.get("followed_by").asBoolean()).isTrue();
        assertThat(authorized.get("requested_by").asBoolean()).isFalse();
        JsonNode rejected = ok(lock.post("/api/v1/follow_requests/" + askerIds.get(1) + "/reject")).json();
        assertThat(rejected.get("followed_by").asBoolean()).isFalse();
        assertThat(rejected.get("requested_by").asBoolean()).isFalse();
        assertThat(ids(lock.get("/api/v1/follow_requests"))).containsExactly(askerIds.get(2));
        assertThat(lock.get("/api/v1/accounts/" + lockId).json().get("followers_count").asInt()).isEqualTo(1);
        assertThat(ids(lock.get("/api/v1/accounts/" + lockId + "/followers"))).containsExactly(askerIds.get(0));

        // No pending request: 404, for the one already handled and for strangers.
        assertThat(lock.post("/api/v1/follow_requests/" + askerIds.get(1) + "/authorize").status()).isEqualTo(404);
        assertThat(lock.post("/api/v1/follow_requests/" + askerIds.get(0) + "/reject").status()).isEqualTo(404);
        assertThat(lock.post("/api/v1/follow_requests/x/reject").status()).isEqualTo(404);
        assertThat(client.as("lock", "read").post("/api/v1/follow_requests/" + askerIds.get(2) + "/authorize")
                .status()).isEqualTo(403);
        assertThat(client.as("lock", "write").get("/api/v1/follow_requests").status()).isEqualTo(403);
        assertThat(server.http().get("/api/v1/follow_requests").status()).isEqualTo(401);
    }

    @Test
    void followersAndFollowingArePublicAndPagedByFollowId() {
        HttpTester star = as("star");
        String starId = Graph.id(star);
        List<String> fans = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            HttpTester fan = as("fan" + i);
            fans.add(Graph.id(fan));
            follow(fan, starId);
        }
        follow(star, fans.get(1));
        follow(star, fans.get(0));

        HttpResult first = server.http().get("/api/v1/accounts/" + starId + "/followers?limit=2");
        assertThat(ids(first)).containsExactly(fans.get(2), fans.get(1));
        String next = link(first, "next");
        assertThat(next).startsWith(server.baseUrl() + "/api/v1/accounts/" + starId + "/followers?");
        HttpResult second = server.http().get(next);
        assertThat(ids(second)).containsExactly(fans.get(0));
        assertThat(ids(server.http().get(link(second, "prev")))).containsExactly(fans.get(2), fans.get(1));

        // Following is ordered by when the follow began, not by account id.
        assertThat(ids(server.http().get("/api/v1/accounts/" + starId + "/following")))
                .containsExactly(fans.get(0), fans.get(1));
        assertThat(server.http().get("/api/v1/accounts/999999/followers").status()).isEqualTo(404);
        assertThat(server.http().get("/api/v1/accounts/abc/following").status()).isEqualTo(404);
        assertThat(ids(server.http().get("/api/v1/accounts/" + starId + "/followers?limit=500"))).hasSize(3);
    }

    @Test
    void hiddenCollectionsAreEmptyForOthersAndBlockedViewers() {
        HttpTester shy = as("shy");
        String shyId = Graph.id(shy);
        HttpTester pal = as("pal");
        String palId = Graph.id(pal);
        follow(pal, shyId);
        follow(shy, palId);
        ok(shy.patchJson("/api/v1/accounts/update_credentials", "{\"hide_collections\": true}"));

        assertThat(ids(server.http().get("/api/v1/accounts/" + shyId + "/followers"))).isEmpty();
        assertThat(ids(pal.get("/api/v1/accounts/" + shyId + "/following"))).isEmpty();
        assertThat(ids(shy.get("/api/v1/accounts/" + shyId + "/followers"))).containsExactly(palId);
        assertThat(ids(shy.get("/api/v1/accounts/" + shyId + "/following"))).containsExactly(palId);

        HttpTester blocker = as("blocker");
        HttpTester nosy = as("nosy");
        String blockerId = Graph.id(blocker);
        follow(pal, blockerId);
        assertThat(ids(nosy.get("/api/v1/accounts/" + blockerId + "/followers"))).containsExactly(palId);
        ok(blocker.post("/api/v1/accounts/" + Graph.id(nosy) + "/block"));
        assertThat(ids(nosy.get("/api/v1/accounts/" + blockerId + "/followers"))).isEmpty();
        assertThat(ids(server.http().get("/api/v1/accounts/" + blockerId + "/followers"))).containsExactly(palId);
    }
}
