package social.starling.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Account;
import social.starling.model.Role;
import social.starling.service.account.AdminAccountService;
import social.starling.testing.Await;
import social.starling.testing.RemoteActorStub;
import social.starling.testing.TestApp;

/**
 * Suspending a local account federates a Delete of its actor to its followers' servers (the brief's choice; see
 * AdminAccountService), signed by the actor, with the actor's id as object.
 */
class SuspendedActorDeleteTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final RemoteActorStub remote = RemoteActorStub.start();

    @RegisterExtension
    static TestApp app = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");

    @AfterAll
    static void stop() {
        remote.close();
    }

    @Test
    void followersServersAreSentTheActorsDelete() throws Exception {
        long admin = app.fixtures().account("ada", Role.ADMIN).id();
        Account zed = app.fixtures().account("zed");
        RemoteActorStub.Actor fan = remote.actor("fan");
        var follow = JSON.createObjectNode().put("@context", "https://www.w3.org/ns/activitystreams")
                .put("id", fan.id("follows/1")).put("type", "Follow").put("actor", fan.uri())
                .put("object", app.app().core().uris().actor("zed"));
        assertThat(fan.post(app.baseUrl() + "/inbox", follow.toString()).status()).isEqualTo(202);
        Await.until(() -> app.app().core().db().read(tx -> app.app().repos().accounts().findByUri(tx, fan.uri())
                .map(f -> app.app().repos().relationships().follows(tx, f.id(), zed.id())).orElse(false)));
        app.app().accounts().admin().perform(admin, zed.id(), new AdminAccountService.Action("suspend", null, null,
                false));
        String actor = app.app().core().uris().actor("zed");
        Await.until(() -> remote.received.stream().anyMatch(r -> r.body().contains("\"Delete\"")));
        JsonNode delete = JSON.readTree(remote.received.stream().filter(r -> r.body().contains("\"Delete\""))
                .findFirst().orElseThrow().body());
        assertThat(delete.get("actor").asText()).isEqualTo(actor);
        assertThat(delete.get("object").asText()).isEqualTo(actor);
        assertThat(delete.get("id").asText()).isEqualTo(actor + "#delete");
    }
}
