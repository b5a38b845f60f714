package social.starling.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Three Starling servers in one JVM on loopback, each under its own domain ({@code localhost:PORT}): alice on A,
 * bob and locked carol on B, dave on C. Every effect is observed the way a member would see it, through the other
 * server's Mastodon API. The tests run in order; each builds on the state the previous ones left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationAcrossServersTest {
    private static final String SCOPES = "read write follow";
    // Generous: under a loaded CI machine a server may answer 503 (its pool waited 1 s) and the sender retries
    // on its schedule (the second attempt comes ~16 s later); the effect must still arrive.
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final List<TestApp> servers = new ArrayList<>();
    private static TestApp a;
    private static TestApp b;
    private static TestApp c;
    private static HttpTester alice;
    private static HttpTester bob;
    private static HttpTester carol;
    private static HttpTester dave;
    private static String bobOnA;
    private static String carolOnA;
    private static String bobPublicUri;

    @BeforeAll
    static void start() throws Exception {
        a = server();
        b = server();
        c = server();
        a.fixtures().account("alice");
        b.fixtures().account("bob");
        b.fixtures().account("carol");
        c.fixtures().account("dave");
        alice = ApiClient.register(a.http(), SCOPES).as("alice", SCOPES);
        bob = ApiClient.register(b.http(), SCOPES).as("bob", SCOPES);
        carol = ApiClient.register(b.http(), SCOPES).as("carol", SCOPES);
        dave = ApiClient.register(c.http(), SCOPES).as("dave", SCOPES);
        assertThat(carol.patchJson("/api/v1/accounts/update_credentials", "{\"locked\": true}").status())
                .isEqualTo(200);
    }

    private static TestApp server() throws Exception {
        TestApp app = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");
        app.start();
        servers.add(app);
        return app;
    }

    @AfterAll
    static void stop() {
        servers.forEach(TestApp::stop);
    }

    @Test
    @Order(1)
    void aliceFollowsBobAtOnceAndLockedCarolOnceSheAccepts() {
        bobOnA = resolve(alice, "bob", b);
        carolOnA = resolve(alice, "carol", b);
        assertThat(alice.post("/api/v1/accounts/" + bobOnA + "/follow").status()).isEqualTo(200);
        Await.until(WAIT, () -> relationship(alice, bobOnA).get("following").asBoolean());

        HttpResult requested = alice.post("/api/v1/accounts/" + carolOnA + "/follow");
        assertThat(requested.json().get("requested").asBoolean()).as(requested.body()).isTrue();
        Await.until(WAIT, () -> carol.get("/api/v1/follow_requests").json().size() == 1);
        JsonNode request = carol.get("/api/v1/follow_requests").json().get(0);
        assertThat(request.get("acct").asText()).isEqualTo("alice@" + domain(a));
        assertThat(relationship(alice, carolOnA).get("following").asBoolean()).isFalse();
        assertThat(carol.post("/api/v1/follow_requests/" + request.get("id").asText() + "/authorize").status())
                .isEqualTo(200);
        Await.until(WAIT, () -> relationship(alice, carolOnA).get("following").asBoolean());
        String aliceOnB = request.get("id").asText();
        assertThat(bob.get("/api/v1/accounts/" + aliceOnB).json().get("acct").asText())
                .isEqualTo("alice@" + domain(a));
    }

    @Test
    @Order(2)
    void aliceSeesWhatMastodonWouldShowHerOfBobsPosts() {
        bobPublicUri = post(bob, "{\"status\": \"public from bob\", \"visibility\": \"public\"}").get("uri").asText();
        String unlisted = post(bob, "{\"status\": \"unlisted from bob\", \"visibility\": \"unlisted\"}")
                .get("uri").asText();
        String priv = post(bob, "{\"status\": \"followers only from bob\", \"visibility\": \"private\"}")
                .get("uri").asText();
        String direct = post(bob, "{\"status\": \"@alice@" + domain(a) + " just for you\", \"visibility\": \"direct\"}")
                .get("uri").asText();
        String directOther = post(bob, "{\"status\": \"@carol secret\", \"visibility\": \"direct\"}")
                .get("uri").asText();

        Await.until(WAIT, () -> inHome(alice, bobPublicUri) && inHome(alice, unlisted) && inHome(alice, priv));
        Await.until(WAIT, () -> notification(alice, "mention", n -> n.get("status").get("uri").asText().equals(direct))
                != null);
        JsonNode dm = notification(alice, "mention", n -> n.get("status").get("uri").asText().equals(direct));
        assertThat(dm.get("status").get("visibility").asText()).isEqualTo("direct");
        assertThat(dm.get("account").get("acct").asText()).isEqualTo("bob@" + domain(b));

        JsonNode home = alice.get("/api/v1/timelines/home?limit=40").json();
        assertThat(visibilityOf(home, bobPublicUri)).isEqualTo("public");
        assertThat(visibilityOf(home, unlisted)).isEqualTo("unlisted");
        assertThat(visibilityOf(home, priv)).isEqualTo("private");
        List<String> federated = uris(alice.get("/api/v1/timelines/public?limit=40").json());
        assertThat(federated).contains(bobPublicUri).doesNotContain(unlisted, priv, direct);
        java.util.Optional<social.starling.model.Status> leaked =
                a.app().core().db().read(tx -> a.app().repos().statuses().findByUri(tx, directOther));
        assertThat(leaked).as("a direct post to someone else never reaches A").isEmpty();
        assertThat(uris(a.http().get("/api/v1/timelines/public?local=true").json())).doesNotContain(bobPublicUri);
    }

    @Test
    @Order(3)
    void repliesFavouritesAndBoostsReachBob() {
        String onA = statusOnA(bobPublicUri).get("id").asText();
        JsonNode reply = post(alice, "{\"status\": \"@bob@" + domain(b) + " hello back\", \"in_reply_to_id\": \"" + onA
                + "\"}");
        assertThat(alice.post("/api/v1/statuses/" + onA + "/favourite").status()).isEqualTo(200);
        assertThat(alice.post("/api/v1/statuses/" + onA + "/reblog").status()).isEqualTo(200);

        Await.until(WAIT, () -> notification(bob, "mention",
                n -> n.get("status").get("uri").asText().equals(reply.get("uri").asText())) != null);
        Await.until(WAIT, () -> notification(bob, "favourite", n -> true) != null
                && notification(bob, "reblog", n -> true) != null);
        String bobStatus = bob.get("/api/v1/accounts/" + bob.get("/api/v1/accounts/verify_credentials").json()
                .get("id").asText() + "/statuses?limit=40").json().get(0).get("id").asText();
        JsonNode onB = statusByUri(bob.get("/api/v1/accounts/verify_credentials").json().get("id").asText(),
                bobPublicUri);
        assertThat(onB.get("favourites_count").asInt()).isEqualTo(1);
        assertThat(onB.get("reblogs_count").asInt()).isEqualTo(1);
        assertThat(onB.get("replies_count").asInt()).isEqualTo(1);
        assertThat(bobStatus).isNotNull();
    }

    @Test
    @Order(4)
    void aBoostOnATravelsToAThirdServer() {
        String aliceOnC = resolve(dave, "alice", a);
        assertThat(dave.post("/api/v1/accounts/" + aliceOnC + "/follow").status()).isEqualTo(200);
        Await.until(WAIT, () -> relationship(dave, aliceOnC).get("following").asBoolean());
        String fresh = post(bob, "{\"status\": \"boost me\"}").get("uri").asText();
        Await.until(WAIT, () -> statusOnA(fresh) != null);
        assertThat(alice.post("/api/v1/statuses/" + statusOnA(fresh).get("id").asText() + "/reblog").status())
                .isEqualTo(200);
        Await.until(WAIT, () -> {
            for (JsonNode s : dave.get("/api/v1/timelines/home?limit=40").json()) {
                if (!s.get("reblog").isNull() && s.get("reblog").get("uri").asText().equals(fresh)) {
                    return s.get("account").get("acct").asText().equals("alice@" + domain(a))
                            && s.get("reblog").get("account").get("acct").asText().equals("bob@" + domain(b));
                }
            }
            return false;
        });
    }

    @Test
    @Order(5)
    void editsAndDeletesShowOnTheOtherSide() {
        JsonNode original = post(bob, "{\"status\": \"first version\"}");
        String uri = original.get("uri").asText();
        Await.until(WAIT, () -> statusOnA(uri) != null);
        String onA = statusOnA(uri).get("id").asText();
        assertThat(bob.putJson("/api/v1/statuses/" + original.get("id").asText(), "{\"status\": \"second version\"}")
                .status()).isEqualTo(200);
        Await.until(WAIT, () -> alice.get("/api/v1/statuses/" + onA).json().get("content").asText()
                .contains("second version"));
        assertThat(alice.get("/api/v1/statuses/" + onA + "/history").json()).hasSize(2);

        assertThat(bob.delete("/api/v1/statuses/" + original.get("id").asText()).status()).isEqualTo(200);
        Await.until(WAIT, () -> alice.get("/api/v1/statuses/" + onA).status() == 404);
    }

    @Test
    @Order(6)
    void unfollowAndBlockEndTheFollowOnBothSides() {
        String bobId = bob.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
        int before = bob.get("/api/v1/accounts/" + bobId).json().get("followers_count").asInt();
        assertThat(alice.post("/api/v1/accounts/" + bobOnA + "/unfollow").status()).isEqualTo(200);
        Await.until(WAIT, () -> bob.get("/api/v1/accounts/" + bobId).json().get("followers_count").asInt()
                == before - 1);
        String after = post(bob, "{\"status\": \"after the unfollow\"}").get("uri").asText();

        String aliceOnB = resolve(carol, "alice", a);
        assertThat(carol.post("/api/v1/accounts/" + aliceOnB + "/block").status()).isEqualTo(200);
        Await.until(WAIT, () -> !relationship(alice, carolOnA).get("following").asBoolean());
        assertThat(statusOnA(after)).as("no longer delivered to A after the unfollow").isNull();
    }

    @Test
    @Order(7)
    void openingARemoteThreadFetchesTheRepliesItsServerLists() {
        HttpResult found = dave.get("/api/v2/search?type=statuses&resolve=true&q="
                + URLEncoder.encode(bobPublicUri, StandardCharsets.UTF_8));
        assertThat(found.json().get("statuses")).as(found.body()).hasSize(1);
        String onC = found.json().get("statuses").get(0).get("id").asText();
        String reply = post(dave, "{\"status\": \"@bob@" + domain(b) + " a reply from C\", \"in_reply_to_id\": \""
                + onC + "\"}").get("uri").asText();
        Await.until(WAIT, () -> notification(bob, "mention", n -> n.get("status").get("uri").asText().equals(reply))
                != null);

        // A has never seen dave's reply: nobody on A follows dave, and it was not addressed to A.
        String onA = alice.get("/api/v2/search?type=statuses&resolve=true&q="
                + URLEncoder.encode(bobPublicUri, StandardCharsets.UTF_8)).json().get("statuses").get(0)
                .get("id").asText();
        java.util.Optional<social.starling.model.Status> before =
                a.app().core().db().read(tx -> a.app().repos().statuses().findByUri(tx, reply));
        assertThat(before).isEmpty();
        Await.until(WAIT, () -> uris(alice.get("/api/v1/statuses/" + onA + "/context").json().get("descendants"))
                .contains(reply));
    }

    private static String domain(TestApp app) {
        return app.baseUrl().replaceFirst("^https?://", "");
    }

    /** The id on {@code viewer}'s server of {@code username} on {@code home}, resolved by handle. */
    private static String resolve(HttpTester viewer, String username, TestApp home) {
        HttpResult r = viewer.get("/api/v2/search?type=accounts&resolve=true&q="
                + URLEncoder.encode("@" + username + "@" + domain(home), StandardCharsets.UTF_8));
        assertThat(r.json().get("accounts")).as(r.body()).hasSize(1);
        return r.json().get("accounts").get(0).get("id").asText();
    }

    private static JsonNode relationship(HttpTester viewer, String id) {
        return viewer.get("/api/v1/accounts/relationships?id[]=" + id).json().get(0);
    }

    private static JsonNode post(HttpTester author, String json) {
        HttpResult r = author.postJson("/api/v1/statuses", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static boolean inHome(HttpTester viewer, String uri) {
        return uris(viewer.get("/api/v1/timelines/home?limit=40").json()).contains(uri);
    }

    private static List<String> uris(JsonNode statuses) {
        List<String> uris = new ArrayList<>();
        statuses.forEach(s -> uris.add(s.get("uri").asText()));
        return uris;
    }

    private static String visibilityOf(JsonNode statuses, String uri) {
        for (JsonNode s : statuses) {
            if (s.get("uri").asText().equals(uri)) {
                return s.get("visibility").asText();
            }
        }
        return null;
    }

    private static JsonNode statusOnA(String uri) {
        for (JsonNode s : alice.get("/api/v1/timelines/home?limit=40").json()) {
            if (s.get("uri").asText().equals(uri)) {
                return s;
            }
        }
        return null;
    }

    private static JsonNode statusByUri(String accountId, String uri) {
        for (JsonNode s : bob.get("/api/v1/accounts/" + accountId + "/statuses?limit=40").json()) {
            if (s.get("uri").asText().equals(uri)) {
                return s;
            }
        }
        return null;
    }

    private static JsonNode notification(HttpTester viewer, String type, Predicate<JsonNode> match) {
        for (JsonNode n : viewer.get("/api/v1/notifications?limit=40").json()) {
            if (n.get("type").asText().equals(type) && match.test(n)) {
                return n;
            }
        }
        return null;
    }
}
