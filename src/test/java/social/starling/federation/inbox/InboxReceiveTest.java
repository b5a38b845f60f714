package social.starling.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.db.schema.Tables;
import social.starling.federation.signature.Rfc9421Requests;
import social.starling.testing.HttpResult;
import social.starling.testing.RemoteActorStub;
import social.starling.testing.TestApp;

/**
 * What the inbox answers before any processing (jobs are off here, so what it queued can be counted): signatures,
 * sizes, JSON, recipients, and de-duplication by activity id.
 */
class InboxReceiveTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final RemoteActorStub remote = RemoteActorStub.start();

    @RegisterExtension
    static TestApp app = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8")
            .with("STARLING_JOBS_ENABLED", "false");

    static RemoteActorStub.Actor bob;
    static String inbox;

    @BeforeAll
    static void setUp() {
        app.fixtures().account("alice");
        bob = remote.actor("bob");
        inbox = app.baseUrl() + "/inbox";
    }

    @AfterAll
    static void stop() {
        remote.close();
    }

    static String follow(RemoteActorStub.Actor actor, String id) {
        ObjectNode a = JSON.createObjectNode().put("type", "Follow").put("actor", actor.uri())
                .put("object", app.baseUrl() + "/users/alice");
        if (id != null) {
            a.put("id", id);
        }
        return a.toString();
    }

    static int queued() {
        return app.app().core().db().read(tx -> TestSql.dsl(tx).fetchCount(Tables.JOBS,
                Tables.JOBS.KIND.eq(InboundActivityJob.TYPE.kind())));
    }

    static HttpResult sendSigned(String body, Clock clock, Map<String, String> overrides) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(bob.sign(URI.create(inbox), bytes, clock));
        headers.putAll(overrides);
        return bob.send(URI.create(inbox), headers, bytes);
    }

    @Test
    void aSignedActivityIsTakenOnceByItsId() {
        int before = queued();
        String activity = follow(bob, bob.id("follows/dup"));
        assertThat(bob.post(inbox, activity).status()).isEqualTo(202);
        assertThat(bob.post(app.baseUrl() + "/users/alice/inbox", activity).status()).isEqualTo(202);
        assertThat(queued()).isEqualTo(before + 1);
    }

    @Test
    void anActivityWithoutIdIsTakenEveryTime() {
        int before = queued();
        assertThat(bob.post(inbox, follow(bob, null)).status()).isEqualTo(202);
        assertThat(bob.post(inbox, follow(bob, null)).status()).isEqualTo(202);
        assertThat(queued()).isEqualTo(before + 2);
    }

    @Test
    void anRfc9421SignatureIsAccepted() {
        byte[] body = follow(bob, bob.id("follows/rfc9421")).getBytes(StandardCharsets.UTF_8);
        URI target = URI.create(inbox);
        HttpResult r = bob.send(target, Rfc9421Requests.signPost(target, body, bob.keyId(), bob.keys.getPrivate(),
                Instant.now()), body);
        assertThat(r.status()).isEqualTo(202);
    }

    @Test
    void anUnsignedPostIs401() {
        HttpResult r = RemoteActorStub.send(URI.create(inbox), Map.of(),
                follow(bob, bob.id("follows/unsigned")).getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).isEqualTo("the request is not signed");
    }

    @Test
    void aBodyThatIsNotTheSignedOneIs401() {
        int before = queued();
        String signed = follow(bob, bob.id("follows/signed"));
        byte[] sent = follow(bob, bob.id("follows/swapped")).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = bob.sign(URI.create(inbox), signed.getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC());
        HttpResult r = bob.send(URI.create(inbox), headers, sent);
        assertThat(r.status()).isEqualTo(401);
        assertThat(queued()).isEqualTo(before);
    }

    @Test
    void aStaleSignatureIs401() {
        Clock twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
        HttpResult r = sendSigned(follow(bob, bob.id("follows/stale")), twoHoursAgo, Map.of());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).contains("expired");
    }

    @Test
    void aSignatureByAnotherActorThanTheActivitysIs401() {
        var mallory = remote.actor("mallory");
        String bobsFollow = follow(bob, bob.id("follows/forged"));
        byte[] body = bobsFollow.getBytes(StandardCharsets.UTF_8);
        HttpResult r = mallory.send(URI.create(inbox), mallory.sign(URI.create(inbox), body, Clock.systemUTC()), body);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).contains("not by the activity's actor");
    }

    @Test
    void aSignatureWithAnotherKeyUnderTheActorsKeyIdIs401() {
        var mallory = remote.actor("mallory");
        byte[] body = follow(bob, bob.id("follows/wrong-key")).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new social.starling.federation.signature.HttpSigner(Clock.systemUTC())
                .sign("POST", URI.create(inbox), Map.of(), body, bob.keyId(), mallory.keys.getPrivate());
        assertThat(bob.send(URI.create(inbox), headers, body).status()).isEqualTo(401);
    }

    @Test
    void anOversizedBodyIs413() {
        String big = "{\"type\":\"Note\",\"actor\":\"" + bob.uri() + "\",\"content\":\"" + "x".repeat(1_048_576)
                + "\"}";
        HttpResult r = bob.post(inbox, big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("error").asText()).isNotEmpty();
    }

    @Test
    void malformedJsonIs400() {
        assertThat(bob.post(inbox, "{\"type\": \"Follow\", ").status()).isEqualTo(400);
        assertThat(bob.post(inbox, "[1, 2]").status()).isEqualTo(400);
        assertThat(bob.post(inbox, "{\"type\":\"Follow\",\"type\":\"Like\",\"actor\":\"" + bob.uri() + "\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void anUnknownUsersInboxIs404() {
        assertThat(bob.post(app.baseUrl() + "/users/nobody/inbox", follow(bob, bob.id("follows/404"))).status())
                .isEqualTo(404);
    }
}
