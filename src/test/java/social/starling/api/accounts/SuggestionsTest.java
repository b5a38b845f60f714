package social.starling.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Role;
import social.starling.testing.ApiClient;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Follow suggestions from friends of friends and the staff picks (accounts the admins endorse), without the viewer,
 * whom they follow, block or mute, and without dismissed ones.
 */
class SuggestionsTest {
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

    static String id(HttpTester who) {
        return who.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
    }

    static HttpResult ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    static List<String> accountIds(HttpResult v2) {
        List<String> out = new ArrayList<>();
        ok(v2).json().forEach(n -> out.add(n.get("account").get("id").asText()));
        return out;
    }

    @Test
    void friendsOfFriendsAndStaffPicksAreSuggested() {
        HttpTester viewer = as("vic");
        HttpTester f1 = as("f1");
        HttpTester f2 = as("f2");
        String f1Id = id(f1);
        String f2Id = id(f2);
        String popular = id(as("popular"));
        String niche = id(as("niche"));
        String blocked = id(as("blockee"));
        String muted = id(as("mutee"));
        String hidden = id(as("hidden"));
        ok(as("hidden").patchJson("/api/v1/accounts/update_credentials", "{\"discoverable\": false}"));
        String vicId = id(viewer);

        ok(viewer.post("/api/v1/accounts/" + f1Id + "/follow"));
        ok(viewer.post("/api/v1/accounts/" + f2Id + "/follow"));
        for (HttpTester friend : List.of(f1, f2)) {
            ok(friend.post("/api/v1/accounts/" + popular + "/follow"));
            ok(friend.post("/api/v1/accounts/" + vicId + "/follow"));
        }
        ok(f1.post("/api/v1/accounts/" + niche + "/follow"));
        ok(f1.post("/api/v1/accounts/" + blocked + "/follow"));
        ok(f1.post("/api/v1/accounts/" + muted + "/follow"));
        ok(f1.post("/api/v1/accounts/" + hidden + "/follow"));
        ok(f1.post("/api/v1/accounts/" + f2Id + "/follow"));
        ok(viewer.post("/api/v1/accounts/" + blocked + "/block"));
        ok(viewer.post("/api/v1/accounts/" + muted + "/mute"));

        // The admin endorses an account: a staff pick, listed first.
        server.fixtures().account("boss", Role.ADMIN);
        HttpTester boss = client.as("boss", "read write follow");
        String pick = id(as("pick"));
        ok(boss.post("/api/v1/accounts/" + pick + "/follow"));
        ok(boss.post("/api/v1/accounts/" + pick + "/endorse"));

        HttpResult v2 = ok(viewer.get("/api/v2/suggestions"));
        assertThat(accountIds(v2)).containsExactly(pick, popular, niche);
        JsonNode first = v2.json().get(0);
        assertThat(first.get("source").asText()).isEqualTo("staff");
        assertThat(first.get("sources").get(0).asText()).isEqualTo("featured");
        JsonNode second = v2.json().get(1);
        Golden.assertMatches("suggestion_v2.json", second.toString());
        assertThat(second.get("sources").get(0).asText()).isEqualTo("friends_of_friends");
        assertThat(second.get("source").asText()).isEqualTo("past_interactions");

        JsonNode v1 = ok(viewer.get("/api/v1/suggestions?limit=2")).json();
        assertThat(v1).hasSize(2);
        assertThat(v1.get(0).get("id").asText()).isEqualTo(pick);
        assertThat(v1.get(0).has("username")).isTrue();

        // Dismissed for good; following one takes it out too.
        JsonNode dismissed = ok(viewer.delete("/api/v1/suggestions/" + popular)).json();
        assertThat(dismissed.isObject() && dismissed.isEmpty()).isTrue();
        ok(viewer.post("/api/v1/accounts/" + pick + "/follow"));
        assertThat(accountIds(viewer.get("/api/v2/suggestions"))).containsExactly(niche);

        assertThat(server.http().get("/api/v2/suggestions").status()).isEqualTo(401);
        assertThat(client.as("vic", "write").get("/api/v1/suggestions").status()).isEqualTo(403);
    }
}
