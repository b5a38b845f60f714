package social.starling.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.RemoteActorStub;
import social.starling.testing.TestApp;

/**
 * Activities in the shapes Mastodon, GoToSocial, Misskey and Pleroma send (src/test/resources/fixtures/remote/inbox,
 * hosts as placeholders), each signed by its actor on a fake server of that kind and POSTed to the real inbox:
 * Follow, Like, Announce and their Undo, Create, Update and Delete of a note (a reply that mentions a member, with a
 * hashtag), and what a member sees of them through the Mastodon API — notifications, counts, the status, its edit,
 * its deletion.
 */
class CapturedPayloadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60); // a loaded machine may delay processing

    @RegisterExtension
    static TestApp app = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");

    static HttpTester alice;
    static String aliceId;

    @BeforeAll
    static void setUp() {
        app.fixtures().account("alice");
        alice = ApiClient.register(app.http(), "read write follow").as("alice", "read write follow");
        aliceId = alice.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
    }

    private record Server(String kind, RemoteActorStub stub, RemoteActorStub.Actor actor, String localStatusUri,
                          String localStatusId, String token) {
        String fixture(String name) {
            String path = "/fixtures/remote/inbox/" + kind + "/" + name + ".json";
            try (InputStream in = CapturedPayloadsTest.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("no fixture " + path);
                }
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("\"{{ACTOR_DOCUMENT}}\"", renamedActor())
                        .replace("{{ACTOR}}", actor.uri())
                        .replace("{{REMOTE}}", stub.origin())
                        .replace("{{LOCAL_ACTOR}}", app.baseUrl() + "/users/alice")
                        .replace("{{LOCAL_STATUS}}", localStatusUri)
                        .replace("{{LOCAL_DOMAIN}}", app.baseUrl().replaceFirst("^https?://", ""))
                        .replace("{{N}}", token);
                JSON.readTree(json); // still valid JSON after the substitutions
                return json;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String renamedActor() {
            ObjectNode doc = actor.document();
            doc.put("name", "Renamed by " + kind);
            return doc.toString();
        }

        void deliver(String name) {
            HttpResult r = actor.post(app.baseUrl() + "/inbox", fixture(name));
            assertThat(r.status()).as(kind + "/" + name + ": " + r.body()).isEqualTo(202);
        }
    }

    private static Server server(String kind, String actorName) {
        RemoteActorStub stub = RemoteActorStub.start();
        RemoteActorStub.Actor actor = stub.actor(actorName);
        JsonNode status = alice.postJson("/api/v1/statuses", "{\"status\": \"hello from alice to " + kind + "\"}")
                .json();
        return new Server(kind, stub, actor, status.get("uri").asText(), status.get("id").asText(),
                UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mastodon", "gotosocial", "misskey", "pleroma"})
    void everyActivityGivesWhatAMemberWouldSee(String kind) {
        Server s = server(kind, kind.equals("misskey") ? "9h2kq7abcd" : "remote");
        try (RemoteActorStub stub = s.stub()) {
            String acct = s.actor().name + "@" + stub.domain();
            int followers = followers();

            s.deliver("follow");
            Await.until(WAIT, () -> followers() == followers + 1);
            assertThat(notification("follow", n -> n.get("account").get("acct").asText().equals(acct))).isNotNull();
            Await.until(WAIT, () -> stub.received.stream().anyMatch(r -> r.method().equals("POST")
                    && r.body().contains("\"Accept\"")));

            s.deliver("like");
            Await.until(WAIT, () -> count(s, "favourites_count") == 1);
            assertThat(notification("favourite", n -> n.get("account").get("acct").asText().equals(acct)
                    && n.get("status").get("id").asText().equals(s.localStatusId()))).isNotNull();
            s.deliver("undo-like");
            Await.until(WAIT, () -> count(s, "favourites_count") == 0);

            s.deliver("announce");
            Await.until(WAIT, () -> count(s, "reblogs_count") == 1);
            assertThat(notification("reblog", n -> n.get("account").get("acct").asText().equals(acct))).isNotNull();
            s.deliver("undo-announce");
            Await.until(WAIT, () -> count(s, "reblogs_count") == 0);

            s.deliver("create-note");
            Await.until(WAIT, () -> notification("mention", n -> n.get("account").get("acct").asText().equals(acct))
                    != null);
            JsonNode mention = notification("mention", n -> n.get("account").get("acct").asText().equals(acct))
                    .get("status");
            assertThat(mention.get("in_reply_to_id").asText()).isEqualTo(s.localStatusId());
            assertThat(mention.get("visibility").asText()).isEqualTo("public");
            assertThat(mention.get("content").asText()).contains("says hi").doesNotContain("<script");
            assertThat(mention.get("tags").findValuesAsText("name")).contains("fediverse");
            assertThat(mention.get("mentions").findValuesAsText("id")).contains(aliceId);
            String remoteId = mention.get("id").asText();
            assertThat(count(s, "replies_count")).isEqualTo(1);

            if (kind.equals("misskey")) {
                s.deliver("update-person"); // Misskey does not edit notes; it updates its actors
                Await.until(WAIT, () -> alice.get("/api/v1/accounts/" + mention.get("account").get("id").asText())
                        .json().get("display_name").asText().equals("Renamed by misskey"));
            } else {
                s.deliver("update-note");
                Await.until(WAIT, () -> alice.get("/api/v1/statuses/" + remoteId).json().get("content").asText()
                        .contains("edited"));
                assertThat(alice.get("/api/v1/statuses/" + remoteId).json().get("edited_at").isNull()).isFalse();
            }

            s.deliver("delete-note");
            Await.until(WAIT, () -> alice.get("/api/v1/statuses/" + remoteId).status() == 404);
            Await.until(WAIT, () -> count(s, "replies_count") == 0);

            s.deliver("undo-follow");
            Await.until(WAIT, () -> followers() == followers);
        }
    }

    private static int followers() {
        return alice.get("/api/v1/accounts/" + aliceId).json().get("followers_count").asInt();
    }

    private static int count(Server s, String field) {
        return alice.get("/api/v1/statuses/" + s.localStatusId()).json().get(field).asInt();
    }

    private static JsonNode notification(String type, Predicate<JsonNode> match) {
        for (JsonNode n : alice.get("/api/v1/notifications?limit=80").json()) {
            if (n.get("type").asText().equals(type) && match.test(n)) {
                return n;
            }
        }
        return null;
    }
}
