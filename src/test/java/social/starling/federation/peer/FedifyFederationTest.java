package social.starling.federation.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.FedifyPeer;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The issue's acceptance against an implementation we did not write: the Fedify peer (scripts/peer/README.md) and
 * one Starling on loopback. The peer looks a member up by WebFinger and parses the actor with Fedify's own code,
 * follows them and receives their next post with a signature Fedify verified, is followed by them, and its reply,
 * like, boost, edit and delete show through Starling's Mastodon API. The tests run in order: each builds on the
 * state the previous one left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FedifyFederationTest {
    private static final String SCOPES = "read write follow";
    // Generous: under a loaded CI machine a server may answer 503 (its pool waited 1 s) and the sender retries
    // on its schedule (the second attempt comes ~16 s later); the effect must still arrive.
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static FedifyPeer peer;
    private static TestApp starling;
    private static HttpTester alice;
    private static String aliceHandle;
    private static String aliceActor;
    private static String alicePostId;
    private static String alicePostUri;
    private static String peerNoteId;

    @BeforeAll
    static void start() throws Exception {
        peer = FedifyPeer.start("fedify-federation-peer.log",
                Map.of("PEER_FIRST_KNOCK", "rfc9421", "PEER_AUTO_ACCEPT", "1"));
        starling = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");
        starling.start();
        starling.fixtures().account("alice");
        alice = ApiClient.register(starling.http(), SCOPES).as("alice", SCOPES);
        String domain = starling.baseUrl().replaceFirst("^https?://", "");
        aliceHandle = "alice@" + domain;
        aliceActor = starling.baseUrl() + "/users/alice";
    }

    @AfterAll
    static void stop() {
        if (starling != null) {
            starling.stop();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    @Order(1)
    void thePeerLooksUpAMemberByWebFingerAndParsesTheActor() throws Exception {
        JsonNode actor = peer.control("lookup", Map.of("handle", aliceHandle, "fresh", true));
        assertThat(actor.get("ok").asBoolean()).as(actor.toString()).isTrue();
        assertThat(actor.get("id").asText()).isEqualTo(aliceActor);
        assertThat(actor.get("type").asText()).isEqualTo("Person");
        assertThat(actor.get("preferredUsername").asText()).isEqualTo("alice");
        assertThat(actor.get("inbox").asText()).isEqualTo(aliceActor + "/inbox");
        assertThat(actor.get("sharedInbox").asText()).isEqualTo(starling.baseUrl() + "/inbox");
        assertThat(actor.get("publicKeyId").asText()).isEqualTo(aliceActor + "#main-key");
        assertThat(actor.get("publicKeyOwner").asText()).isEqualTo(aliceActor);
        assertThat(actor.get("publicKeyParsed").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void thePeerFollowsAMemberAndReceivesTheirNextPostSigned() throws Exception {
        JsonNode follow = peer.control("follow", Map.of("handle", aliceHandle));
        assertThat(follow.get("ok").asBoolean()).as(follow.toString()).isTrue();
        Await.until(WAIT, () -> peerFollowing(f -> f.get("id").asText().equals(aliceActor)
                && f.get("state").asText().equals("accepted")));
        String aliceId = alice.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
        Await.until(WAIT, () -> alice.get("/api/v1/accounts/" + aliceId).json().get("followers_count").asInt() == 1);
        HttpResult followers = alice.get("/api/v1/accounts/" + aliceId + "/followers");
        assertThat(followers.json().get(0).get("acct").asText()).isEqualTo("peer@" + peer.host);

        long after = peer.lastSeq();
        HttpResult post = alice.postJson("/api/v1/statuses", "{\"status\": \"Hello, fediverse!\"}");
        assertThat(post.status()).as(post.body()).isEqualTo(200);
        alicePostId = post.json().get("id").asText();
        alicePostUri = post.json().get("uri").asText();
        List<JsonNode> creates = peer.received("Create", after, 30_000);
        assertThat(creates).as("the peer received the Create").hasSize(1);
        JsonNode create = creates.get(0);
        assertThat(create.get("verified").asBoolean()).isTrue();
        assertThat(create.get("actor").asText()).isEqualTo(aliceActor);
        assertThat(create.get("signature").get("keyId").asText()).isEqualTo(aliceActor + "#main-key");
        assertThat(create.get("object").get("id").asText()).isEqualTo(alicePostUri);
        assertThat(create.get("object").get("content").asText()).contains("Hello, fediverse!");
        assertThat(create.get("object").get("attributedTo").asText()).isEqualTo(aliceActor);
    }

    @Test
    @Order(3)
    void aMemberFollowsThePeerByHandle() throws Exception {
        HttpResult search = alice.get("/api/v2/search?q=" + q("@" + peer.handle.replaceFirst("^@", ""))
                + "&resolve=true&type=accounts");
        assertThat(search.json().get("accounts")).as(search.body()).hasSize(1);
        String peerId = search.json().get("accounts").get(0).get("id").asText();
        HttpResult follow = alice.post("/api/v1/accounts/" + peerId + "/follow");
        assertThat(follow.status()).as(follow.body()).isEqualTo(200);
        Await.until(WAIT, () -> alice.get("/api/v1/accounts/relationships?id[]=" + peerId).json().get(0)
                .get("following").asBoolean());
        JsonNode followers = peer.get("/_control/followers").get("followers");
        assertThat(StreamSupport.stream(followers.spliterator(), false)
                .anyMatch(f -> f.get("id").asText().equals(aliceActor))).as(followers.toString()).isTrue();
    }

    @Test
    @Order(4)
    void thePeersPostReachesTheMembersHomeTimeline() throws Exception {
        JsonNode note = peer.control("note", Map.of("content", "<p>Greetings from Fedify</p>", "to", "public"));
        assertThat(note.get("ok").asBoolean()).as(note.toString()).isTrue();
        peerNoteId = note.get("id").asText();
        Await.until(WAIT, () -> statusInHome(peerNoteId) != null);
        JsonNode status = statusInHome(peerNoteId);
        assertThat(status.get("content").asText()).contains("Greetings from Fedify");
        assertThat(status.get("account").get("acct").asText()).isEqualTo("peer@" + peer.host);
        assertThat(status.get("visibility").asText()).isEqualTo("public");
    }

    @Test
    @Order(5)
    void thePeersReplyReachesTheMember() throws Exception {
        JsonNode reply = peer.control("note", Map.of("content", "<p>Nice to meet you</p>", "to", "public",
                "inReplyTo", alicePostUri, "mention", aliceHandle));
        assertThat(reply.get("ok").asBoolean()).as(reply.toString()).isTrue();
        String replyUri = reply.get("id").asText();
        Await.until(WAIT, () -> notification("mention", n -> n.get("status").get("uri").asText().equals(replyUri))
                != null);
        HttpResult context = alice.get("/api/v1/statuses/" + alicePostId + "/context");
        assertThat(context.json().get("descendants")).extracting(d -> d.get("uri").asText()).contains(replyUri);
        assertThat(alice.get("/api/v1/statuses/" + alicePostId).json().get("replies_count").asInt()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void thePeersLikeAndBoostShowAsNotificationsAndCounts() throws Exception {
        JsonNode like = peer.control("like", Map.of("object", alicePostUri));
        assertThat(like.get("ok").asBoolean()).as(like.toString()).isTrue();
        JsonNode announce = peer.control("announce", Map.of("object", alicePostUri));
        assertThat(announce.get("ok").asBoolean()).as(announce.toString()).isTrue();
        Await.until(WAIT, () -> notification("favourite", n -> n.get("status").get("id").asText().equals(alicePostId))
                != null && notification("reblog", n -> n.get("status").get("id").asText().equals(alicePostId)) != null);
        JsonNode status = alice.get("/api/v1/statuses/" + alicePostId).json();
        assertThat(status.get("favourites_count").asInt()).isEqualTo(1);
        assertThat(status.get("reblogs_count").asInt()).isEqualTo(1);

        JsonNode undo = peer.control("undo", Map.of("id", like.get("id").asText()));
        assertThat(undo.get("ok").asBoolean()).as(undo.toString()).isTrue();
        Await.until(WAIT, () -> alice.get("/api/v1/statuses/" + alicePostId).json().get("favourites_count").asInt()
                == 0);
    }

    @Test
    @Order(7)
    void thePeersEditAndDeleteShowThroughTheApi() throws Exception {
        JsonNode update = peer.control("update", Map.of("id", peerNoteId, "content", "<p>Greetings, edited</p>"));
        assertThat(update.get("ok").asBoolean()).as(update.toString()).isTrue();
        Await.until(WAIT, () -> {
            JsonNode s = statusInHome(peerNoteId);
            return s != null && s.get("content").asText().contains("Greetings, edited");
        });
        String id = statusInHome(peerNoteId).get("id").asText();
        assertThat(alice.get("/api/v1/statuses/" + id).json().get("edited_at").isNull()).isFalse();
        assertThat(alice.get("/api/v1/statuses/" + id + "/history").json()).hasSize(2);

        JsonNode delete = peer.control("delete", Map.of("id", peerNoteId));
        assertThat(delete.get("ok").asBoolean()).as(delete.toString()).isTrue();
        Await.until(WAIT, () -> alice.get("/api/v1/statuses/" + id).status() == 404);
        assertThat(statusInHome(peerNoteId)).isNull();
    }

    private static boolean peerFollowing(Predicate<JsonNode> match) {
        try {
            for (JsonNode f : peer.get("/_control/following").get("following")) {
                if (match.test(f)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode statusInHome(String uri) {
        for (JsonNode s : alice.get("/api/v1/timelines/home?limit=40").json()) {
            if (s.get("uri").asText().equals(uri)) {
                return s;
            }
        }
        return null;
    }

    private static JsonNode notification(String type, Predicate<JsonNode> match) {
        for (JsonNode n : alice.get("/api/v1/notifications?limit=40").json()) {
            if (n.get("type").asText().equals(type) && match.test(n)) {
                return n;
            }
        }
        return null;
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
