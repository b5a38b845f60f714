package social.starling.api.wellknown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Account;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * NodeInfo's figures come from the data (Mastodon's InstancePresenter): confirmed users of unsuspended accounts,
 * users active in the last month and half year, local statuses, registrations open or not, the node's name.
 */
class NodeInfoCountsTest {
    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_TITLE", "Counting Starling")
            .with("STARLING_DESCRIPTION", "Where numbers move.");

    @Test
    void theCountsFollowTheData() {
        JsonNode before = nodeInfo();
        assertThat(before.at("/openRegistrations").asBoolean()).isTrue();
        assertThat(before.at("/metadata/nodeName").asText()).isEqualTo("Counting Starling");
        assertThat(before.at("/metadata/nodeDescription").asText()).isEqualTo("Where numbers move.");

        Account dora = server.fixtures().account("dora");
        HttpTester doraApi = ApiClient.register(server.http(), "read write").as("dora", "read write");
        assertThat(doraApi.postJson("/api/v1/statuses", "{\"status\": \"one\"}").status()).isEqualTo(200);
        assertThat(doraApi.postJson("/api/v1/statuses", "{\"status\": \"two\"}").status()).isEqualTo(200);
        // Activity as the token authenticator records it, set here directly (it records it off the request thread).
        touch(dora, server.app().core().clock().instant());
        Account eve = server.fixtures().account("eve");
        touch(eve, server.app().core().clock().instant().minus(Duration.ofDays(90)));
        // A sign-up that is not confirmed yet is not a user of the server.
        HttpTester app = server.http().withToken(ApiClient.register(server.http(), "read write follow")
                .appToken("read write follow"));
        assertThat(app.postJson("/api/v1/accounts", """
                {"username": "pending", "email": "pending@example.test", "password": "a good long password",
                 "agreement": true, "locale": "en"}""").status()).isEqualTo(200);

        JsonNode after = nodeInfo();
        assertThat(after.at("/usage/users/total").asInt()).isEqualTo(before.at("/usage/users/total").asInt() + 2);
        assertThat(after.at("/usage/localPosts").asInt()).isEqualTo(before.at("/usage/localPosts").asInt() + 2);
        assertThat(after.at("/usage/users/activeMonth").asInt())
                .isEqualTo(before.at("/usage/users/activeMonth").asInt() + 1);
        assertThat(after.at("/usage/users/activeHalfyear").asInt())
                .isEqualTo(before.at("/usage/users/activeHalfyear").asInt() + 2);
    }

    private static void touch(Account account, Instant when) {
        server.app().core().db().inTransaction(tx -> {
            server.app().repos().users().touchLastActive(tx, account.id(), when);
            return null;
        });
    }

    private static JsonNode nodeInfo() {
        server.app().accounts().instance().refresh(); // the counts are cached for a minute
        return server.http().get("/nodeinfo/2.1").json();
    }
}
