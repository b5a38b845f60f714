package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The instance entities where an admin left things unset: no contact address is no {@code email} (never ""), the
 * default thumbnail has a BlurHash string, and the domain blocks list is hidden (Mastodon's {@code head 404}) unless
 * published to users or to all ({@code STARLING_SHOW_DOMAIN_BLOCKS}).
 */
class InstanceDefaultsTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    @RegisterExtension
    static TestApp forUsers = TestApp.create().with("STARLING_SHOW_DOMAIN_BLOCKS", "users");

    @RegisterExtension
    static TestApp forAll = TestApp.create().with("STARLING_SHOW_DOMAIN_BLOCKS", "all");

    static HttpTester alice;
    static HttpTester aliceOnUsers;

    @BeforeAll
    static void accounts() {
        server.fixtures().account("alice");
        alice = ApiClient.register(server.http(), "read").as("alice", "read");
        forUsers.fixtures().account("alice");
        aliceOnUsers = ApiClient.register(forUsers.http(), "read").as("alice", "read");
    }

    @Test
    void noContactAddressIsNoEmailField() {
        JsonNode v2 = server.http().get("/api/v2/instance").json();
        assertThat(v2.get("contact").has("email")).as(v2.get("contact").toString()).isFalse();
        assertThat(v2.at("/contact/account/username").asText()).isEqualTo("owner");
        JsonNode v1 = server.http().get("/api/v1/instance").json();
        assertThat(v1.has("email")).isFalse();
    }

    @Test
    void theDefaultThumbnailHasABlurhash() {
        JsonNode thumbnail = server.http().get("/api/v2/instance").json().get("thumbnail");
        assertThat(thumbnail.get("url").asText()).endsWith("/static/preview.png");
        assertThat(thumbnail.get("blurhash").isTextual()).as(thumbnail.toString()).isTrue();
        assertThat(thumbnail.get("blurhash").asText()).hasSize(28).startsWith("L");
    }

    @Test
    void domainBlocksAreHiddenByDefault() {
        var visitor = server.http().get("/api/v1/instance/domain_blocks");
        assertThat(visitor.status()).isEqualTo(404);
        assertThat(visitor.body()).isEmpty();
        assertThat(alice.get("/api/v1/instance/domain_blocks").status()).isEqualTo(404);
    }

    @Test
    void domainBlocksForUsersNeedASignedInUser() {
        assertThat(forUsers.http().get("/api/v1/instance/domain_blocks").status()).isEqualTo(404);
        var member = aliceOnUsers.get("/api/v1/instance/domain_blocks");
        assertThat(member.status()).isEqualTo(200);
        assertThat(member.body()).isEqualTo("[]");
    }

    @Test
    void domainBlocksForAllAreServedToVisitors() {
        var visitor = forAll.http().get("/api/v1/instance/domain_blocks");
        assertThat(visitor.status()).isEqualTo(200);
        assertThat(visitor.body()).isEqualTo("[]");
    }
}
