package social.starling.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Account;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.RemoteActorStub;
import social.starling.testing.TestApp;

/** Private notes, endorsements (and their lists) and removing a follower, through HTTP. */
class RelationshipActionsTest {
    static final RemoteActorStub remote = RemoteActorStub.start();

    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");

    static ApiClient client;

    @BeforeAll
    static void setUp() {
        client = ApiClient.register(server.http(), "read write follow");
    }

    @AfterAll
    static void stop() {
        remote.close();
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

    static List<String> ids(HttpResult r) {
        List<String> out = new ArrayList<>();
        ok(r).json().forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    @Test
    void aPrivateNoteIsShownOnlyToItsAuthorInEveryRelationship() {
        HttpTester ann = as("ann");
        HttpTester ben = as("ben");
        String benId = id(ben);
        String annId = id(ann);

        HttpResult set = ok(ann.postForm("/api/v1/accounts/" + benId + "/note",
                Map.of("comment", "met at the conference")));
        assertThat(set.json().get("id").asText()).isEqualTo(benId);
        assertThat(set.json().get("note").asText()).isEqualTo("met at the conference");
        assertThat(ok(ann.get("/api/v1/accounts/relationships?id[]=" + benId)).json().get(0).get("note").asText())
                .isEqualTo("met at the conference");
        // Shown where other actions answer the Relationship too, and never to the person it is about.
        assertThat(ok(ann.post("/api/v1/accounts/" + benId + "/follow")).json().get("note").asText())
                .isEqualTo("met at the conference");
        assertThat(ok(ben.get("/api/v1/accounts/relationships?id[]=" + annId)).json().get(0).get("note").asText())
                .isEmpty();

        // Replacing it, then a blank comment (or none) clears it.
        assertThat(ok(ann.postJson("/api/v1/accounts/" + benId + "/note", "{\"comment\": \"plays chess\"}"))
                .json().get("note").asText()).isEqualTo("plays chess");
        assertThat(ok(ann.postJson("/api/v1/accounts/" + benId + "/note", "{\"comment\": \"  \"}"))
                .json().get("note").asText()).isEmpty();
        ok(ann.postJson("/api/v1/accounts/" + benId + "/note", "{\"comment\": \"again\"}"));
        assertThat(ok(ann.post("/api/v1/accounts/" + benId + "/note")).json().get("note").asText()).isEmpty();

        HttpResult tooLong = ann.postJson("/api/v1/accounts/" + benId + "/note",
                "{\"comment\": \"" + "x".repeat(2001) + "\"}");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("error").asText()).contains("Comment is too long");
        assertThat(ann.post("/api/v1/accounts/999999999/note").status()).isEqualTo(404);
        assertThat(client.as("ann", "read").post("/api/v1/accounts/" + benId + "/note").status()).isEqualTo(403);
        assertThat(server.http().post("/api/v1/accounts/" + benId + "/note").status()).isEqualTo(401);
    }

    @Test
    void endorsingNeedsAFollowAndIsListedForEveryone() {
        HttpTester cleo = as("cleo");
        String dirkId = id(as("dirk"));
        String eveId = id(as("eve"));

        HttpResult refused = cleo.post("/api/v1/accounts/" + dirkId + "/endorse");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("error").asText())
                .isEqualTo("Validation failed: You must be already following the person you want to endorse");

        ok(cleo.post("/api/v1/accounts/" + dirkId + "/follow"));
        ok(cleo.post("/api/v1/accounts/" + eveId + "/follow"));
        HttpResult endorsed = ok(cleo.post("/api/v1/accounts/" + dirkId + "/endorse"));
        Golden.assertMatches("relationship_endorsed.json", endorsed.body());
        assertThat(endorsed.json().get("endorsed").asBoolean()).isTrue();
        // The older name, /pin, does the same; twice is fine.
        assertThat(ok(cleo.post("/api/v1/accounts/" + eveId + "/pin")).json().get("endorsed").asBoolean()).isTrue();
        ok(cleo.post("/api/v1/accounts/" + eveId + "/endorse"));

        String cleoId = id(cleo);
        assertThat(ids(cleo.get("/api/v1/endorsements"))).containsExactly(eveId, dirkId);
        assertThat(ids(server.http().get("/api/v1/accounts/" + cleoId + "/endorsements")))
                .containsExactly(eveId, dirkId);
        HttpResult first = ok(cleo.get("/api/v1/endorsements?limit=1"));
        assertThat(ids(first)).containsExactly(eveId);
        assertThat(first.header("Link").orElseThrow()).contains("rel=\"next\"").contains("max_id=");
        assertThat(server.http().get("/api/v1/accounts/999999999/endorsements").status()).isEqualTo(404);
        assertThat(server.http().get("/api/v1/endorsements").status()).isEqualTo(401);

        assertThat(ok(cleo.post("/api/v1/accounts/" + eveId + "/unpin")).json().get("endorsed").asBoolean())
                .isFalse();
        assertThat(ids(cleo.get("/api/v1/endorsements"))).containsExactly(dirkId);
        // Unfollowing ends the endorsement (Mastodon's Follow#remove_endorsements).
        ok(cleo.post("/api/v1/accounts/" + dirkId + "/unfollow"));
        assertThat(ids(cleo.get("/api/v1/endorsements"))).isEmpty();
        assertThat(ok(cleo.post("/api/v1/accounts/" + dirkId + "/unendorse")).json().get("endorsed").asBoolean())
                .isFalse();
        assertThat(client.as("cleo", "read").post("/api/v1/accounts/" + eveId + "/endorse").status())
                .isEqualTo(403);
    }

    @Test
    void removingALocalFollowerEndsTheirFollowOnly() {
        HttpTester fay = as("fay");
        HttpTester gus = as("gus");
        String fayId = id(fay);
        String gusId = id(gus);
        ok(gus.post("/api/v1/accounts/" + fayId + "/follow"));
        assertThat(ok(fay.get("/api/v1/accounts/relationships?id[]=" + gusId)).json().get(0).get("followed_by")
                .asBoolean()).isTrue();

        JsonNode after = ok(fay.post("/api/v1/accounts/" + gusId + "/remove_from_followers")).json();
        assertThat(after.get("followed_by").asBoolean()).isFalse();
        assertThat(ok(gus.get("/api/v1/accounts/relationships?id[]=" + fayId)).json().get(0).get("following")
                .asBoolean()).isFalse();
        assertThat(ids(server.http().get("/api/v1/accounts/" + fayId + "/followers"))).doesNotContain(gusId);
        assertThat(ok(server.http().get("/api/v1/accounts/" + fayId)).json().get("followers_count").asInt())
                .isZero();
        // Not a follower (any more): nothing to do, still 200.
        ok(fay.post("/api/v1/accounts/" + gusId + "/remove_from_followers"));
        assertThat(fay.post("/api/v1/accounts/999999999/remove_from_followers").status()).isEqualTo(404);
        assertThat(client.as("fay", "read").post("/api/v1/accounts/" + gusId + "/remove_from_followers").status())
                .isEqualTo(403);
    }

    @Test
    void removingARemoteFollowerSendsThemARejectOfTheirFollow() {
        HttpTester hana = as("hana");
        Account local = server.fixtures().account("hana");
        var rex = remote.actor("rex");
        ObjectNode follow = new ObjectMapper().createObjectNode();
        follow.put("@context", "https://www.w3.org/ns/activitystreams").put("id", rex.id("follows/1"))
                .put("type", "Follow").put("actor", rex.uri()).put("object", local.uri());
        assertThat(rex.post(server.baseUrl() + "/inbox", follow.toString()).status()).isEqualTo(202);
        Await.until(() -> ok(hana.get("/api/v1/accounts/" + local.id() + "/followers")).json().size() == 1);
        String rexId = ok(hana.get("/api/v1/accounts/" + local.id() + "/followers")).json().get(0).get("id")
                .asText();

        assertThat(ok(hana.post("/api/v1/accounts/" + rexId + "/remove_from_followers")).json().get("followed_by")
                .asBoolean()).isFalse();
        Await.until(() -> remote.received.stream().anyMatch(r -> r.method().equals("POST")
                && r.body().contains("\"Reject\"") && r.body().contains(rex.id("follows/1"))));
    }
}
