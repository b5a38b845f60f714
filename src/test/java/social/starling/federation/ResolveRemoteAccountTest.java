package social.starling.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import social.starling.model.Account;
import social.starling.testing.ApiClient;
import social.starling.testing.FedifyPeer;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Remote account resolution against a server Starling did not write: the Fedify peer (scripts/peer/README.md), a
 * child process on a free loopback port. One Starling may reach loopback (STARLING_FEDERATION_ALLOW_PRIVATE), one
 * may not. Skipped only when the peer cannot be installed (no npm registry).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResolveRemoteAccountTest {
    private static final String SCOPES = "read write follow";

    private static FedifyPeer peer;
    private static String peerBase;
    private static String peerHost;
    private static String peerActor;
    private static TestApp open;
    private static TestApp closed;
    private static HttpTester alice;
    private static HttpTester bob;

    @BeforeAll
    static void start() throws Exception {
        peer = FedifyPeer.start("resolve-peer.log", Map.of());
        peerBase = peer.base;
        peerHost = peer.host;
        peerActor = peer.actor;

        open = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");
        open.start();
        open.fixtures().account("alice");
        alice = ApiClient.register(open.http(), SCOPES).as("alice", SCOPES);
        closed = TestApp.create();
        closed.start();
        closed.fixtures().account("bob");
        bob = ApiClient.register(closed.http(), SCOPES).as("bob", SCOPES);
    }

    @AfterAll
    static void stop() {
        if (open != null) {
            open.stop();
        }
        if (closed != null) {
            closed.stop();
        }
        if (peer != null) {
            peer.close();
        }
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode peerGet(String path) throws Exception {
        return peer.get(path);
    }

    private static JsonNode peerActorDocument() throws Exception {
        return peer.getUrl(peerActor);
    }

    private static List<JsonNode> peerRequestsIn(long after) throws Exception {
        return peer.requestsIn(after);
    }

    private static long lastSeq() throws Exception {
        return peer.lastSeq();
    }

    @Test
    @Order(1)
    void searchResolvesTheRemoteAccountAndStoresIt() throws Exception {
        JsonNode actor = peerActorDocument();
        long before = lastSeq();
        HttpResult result = alice.get("/api/v2/search?q=" + q("@peer@" + peerHost) + "&resolve=true");
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        JsonNode accounts = result.json().get("accounts");
        assertThat(accounts).as(result.body()).hasSize(1);
        JsonNode account = accounts.get(0);
        assertThat(account.get("acct").asText()).isEqualTo("peer@" + peerHost);
        assertThat(account.get("username").asText()).isEqualTo("peer");
        assertThat(account.get("display_name").asText()).isEqualTo(actor.get("name").asText())
                .isEqualTo("Fedify peer peer");
        assertThat(account.get("uri").asText()).isEqualTo(peerActor);
        assertThat(account.get("note").asText()).contains("An ActivityPub peer built on Fedify");

        Account stored = open.app().core().db().read(tx -> open.app().repos().accounts().findByUri(tx, peerActor))
                .orElseThrow();
        assertThat(Long.toString(stored.id())).isEqualTo(account.get("id").asText());
        assertThat(stored.domain()).isEqualTo(peerHost);
        assertThat(stored.publicKey()).startsWith("-----BEGIN PUBLIC KEY-----")
                .isEqualTo(actor.get("publicKey").get("publicKeyPem").asText().strip());
        JsonNode health = peerGet("/_control/health");
        assertThat(stored.inboxUri()).isEqualTo(health.get("inbox").asText());
        assertThat(stored.sharedInboxUri()).isEqualTo(health.get("sharedInbox").asText());

        // WebFinger over http (the allow-private rule), then the actor, both with Starling's User-Agent.
        List<JsonNode> seen = peerRequestsIn(before);
        assertThat(seen).extracting(r -> r.get("url").asText())
                .anyMatch(u -> u.startsWith(peerBase + "/.well-known/webfinger?resource=acct%3Apeer%40"))
                .contains(peerActor);
        assertThat(seen).allMatch(r -> r.get("userAgent").asText().startsWith("Starling/"));
    }

    @Test
    @Order(2)
    void theOtherSpellingsFindTheSameAccountAndFreshCopiesAreNotFetchedAgain() throws Exception {
        String id = alice.get("/api/v2/search?q=" + q("@peer@" + peerHost) + "&resolve=true").json()
                .get("accounts").get(0).get("id").asText();
        long before = lastSeq();
        for (String query : List.of("peer@" + peerHost, "acct:peer@" + peerHost, peerActor,
                "@PEER@" + peerHost.toUpperCase())) {
            HttpResult result = alice.get("/api/v2/search?q=" + q(query) + "&resolve=True&type=accounts");
            assertThat(result.json().get("accounts")).as(query).hasSize(1);
            assertThat(result.json().get("accounts").get(0).get("id").asText()).as(query).isEqualTo(id);
        }
        HttpResult v1 = alice.get("/api/v1/accounts/search?q=" + q("peer@" + peerHost) + "&resolve=true");
        assertThat(v1.json()).hasSize(1);
        assertThat(v1.json().get(0).get("id").asText()).isEqualTo(id);
        HttpResult lookup = alice.get("/api/v1/accounts/lookup?acct=" + q("peer@" + peerHost));
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json().get("id").asText()).isEqualTo(id);
        HttpResult anonymousLookup = open.http().get("/api/v1/accounts/lookup?acct=" + q("peer@" + peerHost));
        assertThat(anonymousLookup.json().get("id").asText()).isEqualTo(id);
        assertThat(peerRequestsIn(before)).as("stored less than a day ago: no new fetch").isEmpty();
    }

    @Test
    @Order(3)
    void aResolvedAccountCanBeFollowed() throws Exception {
        String id = alice.get("/api/v1/accounts/lookup?acct=" + q("peer@" + peerHost)).json().get("id").asText();
        long before = lastSeq();
        HttpResult follow = alice.post("/api/v1/accounts/" + id + "/follow");
        assertThat(follow.status()).as(follow.body()).isEqualTo(200);
        assertThat(follow.json().get("following").asBoolean() || follow.json().get("requested").asBoolean())
                .as(follow.body()).isTrue();
        // The Follow is delivered by a job after the answer; wait for it here so that it cannot land in a later
        // test's window of "no request reached the peer" (CI on PostgreSQL: it arrived during test 6).
        List<JsonNode> follows = peer.received("Follow", before, 30_000);
        assertThat(follows).as("the peer received the Follow").hasSize(1);
        assertThat(follows.get(0).get("actor").asText()).isEqualTo(open.baseUrl() + "/users/alice");
    }

    @Test
    @Order(4)
    void anUnknownUserIsNotFound() {
        HttpResult search = alice.get("/api/v2/search?q=" + q("@nobody@" + peerHost) + "&resolve=true");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().get("accounts")).isEmpty();
        HttpResult lookup = alice.get("/api/v1/accounts/lookup?acct=" + q("nobody@" + peerHost));
        assertThat(lookup.status()).isEqualTo(404);
        assertThat(lookup.json().get("error").asText()).isEqualTo("Record not found");
    }

    @Test
    @Order(5)
    void visitorsMayNotResolve() throws Exception {
        long before = lastSeq();
        HttpResult search = open.http().get("/api/v2/search?q=" + q("@other@" + peerHost) + "&resolve=true");
        assertThat(search.status()).isEqualTo(401);
        HttpResult lookup = open.http().get("/api/v1/accounts/lookup?acct=" + q("other@" + peerHost));
        assertThat(lookup.status()).isEqualTo(404);
        assertThat(peerRequestsIn(before)).isEmpty();
    }

    @Test
    @Order(6)
    void withoutTheAllowlistNoRequestReachesThePeer() throws Exception {
        long before = lastSeq();
        HttpResult search = bob.get("/api/v2/search?q=" + q("@peer@" + peerHost) + "&resolve=true");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().get("accounts")).isEmpty();
        assertThat(bob.get("/api/v2/search?q=" + q(peerActor) + "&resolve=true").json().get("accounts")).isEmpty();
        assertThat(bob.get("/api/v1/accounts/lookup?acct=" + q("peer@" + peerHost)).status()).isEqualTo(404);
        java.util.Optional<Account> stored = closed.app().core().db()
                .read(tx -> closed.app().repos().accounts().findByUri(tx, peerActor));
        assertThat(stored).isEmpty();
        assertThat(peerRequestsIn(before)).isEmpty();
    }
}
