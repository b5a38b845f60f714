package social.starling.api.activitypub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Authorized fetch (STARLING_AUTHORIZED_FETCH=true), through HTTP: a GET signed by a remote actor (a fake server on
 * loopback holding the key) is served; an unsigned or badly signed one is 401; the instance actor and WebFinger
 * stay public; a signer the author blocks does not get the author's statuses. A second Starling, without the mode,
 * resolves a member of the first through its search: its fetches are signed by its instance actor.
 */
class AuthorizedFetchTest {
    private static final String SCOPES = "read write follow";
    private static TestApp secure;
    private static TestApp other;
    private static FakeRemoteActor mallory;
    private static FakeRemoteActor trent;
    private static HttpTester alice;
    private static String noteUrl;

    @BeforeAll
    static void start() throws Exception {
        secure = TestApp.create().with("STARLING_AUTHORIZED_FETCH", "true")
                .with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");
        secure.start();
        secure.fixtures().account("alice");
        alice = ApiClient.register(secure.http(), SCOPES).as("alice", SCOPES);
        String statusId = alice.postJson("/api/v1/statuses", "{\"status\": \"hello, signed world\"}")
                .json().get("id").asText();
        noteUrl = secure.baseUrl() + "/users/alice/statuses/" + statusId;
        other = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");
        other.start();
        mallory = new FakeRemoteActor("mallory");
        trent = new FakeRemoteActor("trent");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {mallory, trent}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
        if (secure != null) {
            secure.stop();
        }
        if (other != null) {
            other.stop();
        }
    }

    private static HttpResult signedGet(FakeRemoteActor signer, String url) {
        return secure.http().send("GET", url, signer.signedGet(url, Fetch.AS2), null);
    }

    @Test
    void signedFetchesAreServedUnsignedOnesAre401() {
        String actor = secure.baseUrl() + "/users/alice";
        HttpResult signed = signedGet(trent, actor);
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().get("id").asText()).isEqualTo(actor);
        assertThat(signed.header("Cache-Control").orElse("")).contains("private").doesNotContain("public");
        assertThat(signed.header("Vary").orElse("")).contains("Accept").contains("Signature")
                .contains("Signature-Input");
        assertThat(signedGet(trent, noteUrl).status()).isEqualTo(200);
        assertThat(signedGet(trent, secure.baseUrl() + "/users/alice/outbox?page=true").json()
                .get("orderedItems")).hasSize(1);

        for (String path : new String[] {"/users/alice", "/@alice", "/users/alice/outbox", "/users/alice/followers",
                "/users/alice/following", "/users/alice/collections/featured", "/users/alice/collections/tags",
                noteUrl.substring(secure.baseUrl().length()), noteUrl.substring(secure.baseUrl().length()) + "/activity",
                noteUrl.substring(secure.baseUrl().length()) + "/replies", "/actor/outbox"}) {
            HttpResult unsigned = Fetch.as2(secure.http(), path);
            assertThat(unsigned.status()).as(path).isEqualTo(401);
            assertThat(unsigned.json().get("error").asText()).as(path).isEqualTo("the request is not signed");
            assertThat(unsigned.header("Vary").orElse("")).as(path).contains("Signature");
        }
        // A signature for another URL, or by a key that is not the actor's, is refused with the reason.
        Map<String, String> forOther = trent.signedGet(secure.baseUrl() + "/users/alice/outbox", Fetch.AS2);
        assertThat(secure.http().send("GET", actor, forOther, null).status()).isEqualTo(401);
    }

    @Test
    void theInstanceActorDiscoveryAndHtmlStayPublic() {
        assertThat(Fetch.as2(secure.http(), "/actor").status()).isEqualTo(200);
        assertThat(Fetch.as2(secure.http(), "/actor").json().get("publicKey")).isNotNull();
        assertThat(secure.http().get("/.well-known/webfinger?resource=acct:alice@"
                + secure.baseUrl().substring("http://".length())).status()).isEqualTo(200);
        assertThat(secure.http().get("/.well-known/nodeinfo").status()).isEqualTo(200);
        assertThat(secure.http().get("/.well-known/host-meta").status()).isEqualTo(200);
        assertThat(Fetch.browser(secure.http(), "/@alice").status()).isEqualTo(200);
    }

    @Test
    void offByDefault() {
        other.fixtures().account("carol");
        assertThat(Fetch.as2(other.http(), "/users/carol").status()).isEqualTo(200);
        assertThat(Fetch.as2(other.http(), "/users/carol").header("Cache-Control").orElse("")).contains("public");
    }

    @Test
    void aSignerTheAuthorBlocksDoesNotGetTheirStatuses() {
        assertThat(signedGet(mallory, noteUrl).status()).isEqualTo(200);
        String malloryId = alice.get("/api/v1/accounts/search?q=mallory@" + mallory.authority() + "&resolve=false")
                .json().get(0).get("id").asText();
        assertThat(alice.post("/api/v1/accounts/" + malloryId + "/block").status()).isEqualTo(200);

        assertThat(signedGet(mallory, noteUrl).status()).isEqualTo(404);
        assertThat(signedGet(mallory, noteUrl + "/activity").status()).isEqualTo(404);
        assertThat(signedGet(mallory, secure.baseUrl() + "/users/alice/outbox?page=true").json()
                .get("orderedItems")).isEmpty();
        // The actor itself is still served to them, as Mastodon does; others still get the status.
        assertThat(signedGet(mallory, secure.baseUrl() + "/users/alice").status()).isEqualTo(200);
        assertThat(signedGet(trent, noteUrl).status()).isEqualTo(200);
    }

    @Test
    void ourOwnFetchesAreSignedByTheInstanceActor() {
        other.fixtures().account("bob");
        HttpTester bob = ApiClient.register(other.http(), SCOPES).as("bob", SCOPES);
        String handle = "alice@" + secure.baseUrl().substring("http://".length());
        HttpResult found = bob.get("/api/v2/search?q=" + handle + "&resolve=true&type=accounts");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().get("accounts")).hasSize(1);
        assertThat(found.json().get("accounts").get(0).get("acct").asText()).isEqualTo(handle);
    }
}
