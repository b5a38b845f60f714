package social.starling.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Fixtures;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** {@code /api/v1/push/subscription}: one subscription per access token, each verb, validation and scopes. */
class PushSubscriptionApiTest {
    static final String SCOPES = "read write follow push";
    static final String ENDPOINT = "https://push.example.test/send/abc";

    @RegisterExtension
    static TestApp server = TestApp.create();

    static ApiClient client;
    static LoopbackPushService.UserAgent ua;

    @BeforeAll
    static void setUp() throws Exception {
        client = ApiClient.register(server.http(), SCOPES + " read:accounts");
        for (String name : new String[] {"alice", "bob"}) {
            server.fixtures().account(name);
        }
        ua = new LoopbackPushServiceKeys().userAgent();
    }

    /** The keys of a user agent, without a server (these tests push nowhere). */
    static final class LoopbackPushServiceKeys {
        LoopbackPushService.UserAgent userAgent() throws Exception {
            try (LoopbackPushService s = new LoopbackPushService()) {
                return s.userAgent("/unused");
            }
        }
    }

    static HttpTester as(String username, String scope) {
        return server.http().withToken(client.login(username, Fixtures.PASSWORD, scope));
    }

    static String body(String endpoint, String p256dh, String auth) {
        return """
                {"subscription": {"endpoint": "%s", "keys": {"p256dh": "%s", "auth": "%s"}},
                 "data": {"alerts": {"mention": true, "follow": true, "admin.sign_up": true, "quote": true},
                          "policy": "follower"}}""".formatted(endpoint, p256dh, auth);
    }

    static JsonNode ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static void unprocessable(HttpResult r, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("error").asText()).contains(message);
    }

    @Test
    void createShowUpdateDeleteForOneToken() {
        HttpTester alice = as("alice", SCOPES);
        HttpResult none = alice.get("/api/v1/push/subscription");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("error").asText()).isEqualTo("Record not found");
        assertThat(alice.putJson("/api/v1/push/subscription", "{\"data\": {\"policy\": \"all\"}}").status())
                .isEqualTo(404);

        HttpResult created = alice.postJson("/api/v1/push/subscription", body(ENDPOINT, ua.p256dh(), ua.authSecret()));
        Golden.assertMatches("web_push_subscription.json", created.body());
        JsonNode sub = ok(created);
        assertThat(sub.get("server_key").asText()).isEqualTo(
                ok(server.http().get("/api/v2/instance")).at("/configuration/vapid/public_key").asText());
        assertThat(sub.get("alerts").get("admin.sign_up").asBoolean()).isTrue();
        assertThat(sub.get("alerts").get("reblog").asBoolean()).isFalse();
        assertThat(ok(alice.get("/api/v1/push/subscription"))).isEqualTo(sub);

        // PUT replaces the data part only: alerts not named are off; the policy may come top-level, as documented.
        JsonNode updated = ok(alice.putJson("/api/v1/push/subscription",
                "{\"data\": {\"alerts\": {\"reblog\": true, \"mention\": \"0\"}}, \"policy\": \"none\"}"));
        assertThat(updated.get("id")).isEqualTo(sub.get("id"));
        assertThat(updated.get("endpoint").asText()).isEqualTo(ENDPOINT);
        assertThat(updated.get("policy").asText()).isEqualTo("none");
        assertThat(updated.get("alerts").get("reblog").asBoolean()).isTrue();
        assertThat(updated.get("alerts").get("mention").asBoolean()).isFalse();
        assertThat(updated.get("alerts").get("follow").asBoolean()).isFalse();
        assertThat(ok(alice.get("/api/v1/push/subscription"))).isEqualTo(updated);

        assertThat(ok(alice.delete("/api/v1/push/subscription"))).isEmpty();
        assertThat(alice.get("/api/v1/push/subscription").status()).isEqualTo(404);
        assertThat(ok(alice.delete("/api/v1/push/subscription"))).isEmpty();
    }

    @Test
    void aNewSubscriptionReplacesTheTokensOldOneAndTokensDoNotShare() {
        HttpTester bob = as("bob", SCOPES);
        HttpTester bobElsewhere = as("bob", SCOPES);
        String first = ok(bob.postJson("/api/v1/push/subscription", body(ENDPOINT, ua.p256dh(), ua.authSecret())))
                .get("id").asText();
        // Form data with Rack's brackets, as Mastodon.py and others send it; no data: every alert off, policy all.
        JsonNode second = ok(bob.postForm("/api/v1/push/subscription", HttpTester.form(
                "subscription[endpoint]", ENDPOINT + "2", "subscription[keys][p256dh]", ua.p256dh(),
                "subscription[keys][auth]", ua.authSecret())));
        assertThat(second.get("id").asText()).isNotEqualTo(first);
        assertThat(second.get("policy").asText()).isEqualTo("all");
        assertThat(second.get("standard").asBoolean()).isFalse();
        second.get("alerts").properties().forEach(e -> assertThat(e.getValue().asBoolean()).as(e.getKey()).isFalse());
        assertThat(ok(bob.get("/api/v1/push/subscription")).get("endpoint").asText()).isEqualTo(ENDPOINT + "2");
        assertThat(bobElsewhere.get("/api/v1/push/subscription").status()).isEqualTo(404);
    }

    @Test
    void badEndpointsKeysAndPoliciesAre422() {
        HttpTester alice = as("alice", SCOPES);
        unprocessable(alice.postJson("/api/v1/push/subscription", "{\"subscription\": {}}"),
                "Endpoint can't be blank");
        unprocessable(alice.postJson("/api/v1/push/subscription",
                body("http://push.example.test/x", ua.p256dh(), ua.authSecret())), "Endpoint is invalid");
        // Loopback over http only with the federation's test allowance, which this server does not have.
        unprocessable(alice.postJson("/api/v1/push/subscription",
                body("http://127.0.0.1:9/x", ua.p256dh(), ua.authSecret())), "Endpoint is invalid");
        unprocessable(alice.postJson("/api/v1/push/subscription", body("not a url", ua.p256dh(), ua.authSecret())),
                "Endpoint is invalid");
        String offCurve = ua.p256dh().substring(0, ua.p256dh().length() - 2)
                + (ua.p256dh().endsWith("AA") ? "AB" : "AA");
        unprocessable(alice.postJson("/api/v1/push/subscription", body(ENDPOINT, offCurve, ua.authSecret())),
                "Key p256dh");
        unprocessable(alice.postJson("/api/v1/push/subscription", body(ENDPOINT, "!!!", ua.authSecret())),
                "Key p256dh");
        unprocessable(alice.postJson("/api/v1/push/subscription", body(ENDPOINT, ua.p256dh(), "c2hvcnQ")),
                "Key auth");
        unprocessable(alice.postJson("/api/v1/push/subscription", body(ENDPOINT, ua.p256dh(), ua.authSecret())
                .replace("\"follower\"", "\"friends\"")), "Policy is not included in the list");
        assertThat(alice.postJson("/api/v1/push/subscription", "{}").status()).isEqualTo(400);
        assertThat(alice.get("/api/v1/push/subscription").status()).isEqualTo(404);
        // Standard base64 with padding is read too (apps differ).
        String padded = java.util.Base64.getEncoder().encodeToString(java.util.Base64.getUrlDecoder()
                .decode(ua.p256dh()));
        ok(alice.postJson("/api/v1/push/subscription", body(ENDPOINT, padded, ua.authSecret() + "==")));
    }

    @Test
    void thePushScopeAndAUserAreRequired() {
        HttpTester reader = as("alice", "read");
        for (String method : new String[] {"GET", "POST", "PUT", "DELETE"}) {
            HttpResult r = reader.send(method, "/api/v1/push/subscription", Map.of("Content-Type", "application/json"),
                    method.equals("GET") || method.equals("DELETE") ? null : body(ENDPOINT, ua.p256dh(),
                            ua.authSecret()));
            assertThat(r.status()).as(method).isEqualTo(403);
            assertThat(server.http().send(method, "/api/v1/push/subscription", Map.of(), null).status()).as(method)
                    .isEqualTo(401);
        }
        HttpTester app = server.http().withToken(client.appToken(SCOPES));
        assertThat(app.get("/api/v1/push/subscription").status()).isEqualTo(422);
    }
}
