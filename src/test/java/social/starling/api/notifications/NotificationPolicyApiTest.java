package social.starling.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Notification policies (v1 and v2 shapes); notification requests of someone who has none. */
class NotificationPolicyApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static People people;

    @BeforeAll
    static void setUp() {
        people = new People(server);
    }

    @Test
    void defaultsThenChangesAreStoredPerPerson() {
        HttpTester pat = people.as("pat");
        JsonNode v2 = pat.get("/api/v2/notifications/policy").json();
        // Mastodon's defaults: private mentions from strangers and limited accounts are filtered.
        for (String f : new String[] {"for_not_following", "for_not_followers", "for_new_accounts", "for_bots"}) {
            assertThat(v2.get(f).asText()).as(f).isEqualTo("accept");
        }
        assertThat(v2.get("for_private_mentions").asText()).isEqualTo("filter");
        assertThat(v2.get("for_limited_accounts").asText()).isEqualTo("filter");
        assertThat(v2.get("summary").get("pending_requests_count").asInt()).isZero();
        assertThat(v2.get("summary").get("pending_notifications_count").asInt()).isZero();

        HttpResult patched = pat.patchJson("/api/v2/notifications/policy",
                "{\"for_not_following\": \"filter\", \"for_new_accounts\": \"drop\", \"unknown\": \"x\"}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("for_not_following").asText()).isEqualTo("filter");
        assertThat(patched.json().get("for_new_accounts").asText()).isEqualTo("drop");
        assertThat(patched.json().get("for_not_followers").asText()).isEqualTo("accept");
        JsonNode again = pat.get("/api/v2/notifications/policy").json();
        assertThat(again).isEqualTo(patched.json());
        // masto.js (hence Elk) sends PUT for the same update.
        HttpResult put = pat.putJson("/api/v2/notifications/policy", "{\"for_bots\": \"filter\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("for_bots").asText()).isEqualTo("filter");
        assertThat(put.json().get("for_not_following").asText()).isEqualTo("filter");
        pat.patchJson("/api/v2/notifications/policy", "{\"for_bots\": \"accept\"}");
        assertThat(people.as("quinn").get("/api/v2/notifications/policy").json().get("for_not_following").asText())
                .isEqualTo("accept");

        JsonNode v1 = pat.get("/api/v1/notifications/policy").json();
        assertThat(v1.get("filter_not_following").asBoolean()).isTrue();
        assertThat(v1.get("filter_new_accounts").asBoolean()).isTrue();
        assertThat(v1.get("filter_not_followers").asBoolean()).isFalse();
        assertThat(v1.get("filter_private_mentions").asBoolean()).isTrue();
        assertThat(v1.get("summary").get("pending_requests_count").asInt()).isZero();

        HttpResult v1Patch = pat.patchJson("/api/v1/notifications/policy",
                "{\"filter_not_following\": false, \"filter_private_mentions\": false}");
        assertThat(v1Patch.status()).as(v1Patch.body()).isEqualTo(200);
        assertThat(v1Patch.json().get("filter_not_following").asBoolean()).isFalse();
        assertThat(v1Patch.json().get("filter_private_mentions").asBoolean()).isFalse();
        JsonNode after = pat.get("/api/v2/notifications/policy").json();
        assertThat(after.get("for_not_following").asText()).isEqualTo("accept");
        assertThat(after.get("for_private_mentions").asText()).isEqualTo("accept");
        assertThat(after.get("for_new_accounts").asText()).isEqualTo("drop");
    }

    @Test
    void aBadValueIsRefusedAndStoresNothing() {
        HttpTester rae = people.as("rae");
        HttpResult bad = rae.patchJson("/api/v2/notifications/policy",
                "{\"for_not_following\": \"filter\", \"for_bots\": \"maybe\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("error").asText()).isEqualTo("Validation failed: For bots is not included in the list");
        assertThat(rae.get("/api/v2/notifications/policy").json().get("for_not_following").asText())
                .isEqualTo("accept");
    }

    @Test
    void requestsStartEmpty() {
        HttpTester sol = people.as("sol");
        HttpResult requests = sol.get("/api/v1/notifications/requests?limit=5");
        assertThat(requests.status()).isEqualTo(200);
        assertThat(requests.json().isArray() && requests.json().isEmpty()).isTrue();
        assertThat(sol.get("/api/v1/notifications/requests/merged").json().get("merged").asBoolean()).isTrue();
        assertThat(sol.get("/api/v1/notifications/requests/123").status()).isEqualTo(404);
        assertThat(sol.post("/api/v1/notifications/requests/123/accept").status()).isEqualTo(404);
        // Mastodon's bulk actions find the caller's requests among the ids (where(id:)): unknown ones are ignored
        HttpResult bulk = sol.postJson("/api/v1/notifications/requests/dismiss", "{\"id\": [\"1\"]}");
        assertThat(bulk.status()).isEqualTo(200);
        assertThat(bulk.json().isEmpty()).isTrue();
        assertThat(sol.get("/api/v1/notifications/requests?limit=x").status()).isEqualTo(400);
    }

    @Test
    void scopes() {
        HttpTester reader = people.withScopes("ro", "read:notifications");
        assertThat(reader.get("/api/v2/notifications/policy").status()).isEqualTo(200);
        assertThat(reader.patchJson("/api/v2/notifications/policy", "{\"for_bots\": \"drop\"}").status())
                .isEqualTo(403);
        assertThat(reader.patchJson("/api/v1/notifications/policy", "{\"filter_new_accounts\": true}").status())
                .isEqualTo(403);
        assertThat(server.http().get("/api/v1/notifications/policy").status()).isEqualTo(401);
    }
}
