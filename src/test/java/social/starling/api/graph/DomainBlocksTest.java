package social.starling.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.graph.Graph.link;
import static social.starling.api.graph.Graph.ok;
import static social.starling.api.graph.Graph.strings;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Account;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** A person's own domain blocks, through HTTP. */
class DomainBlocksTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static ApiClient client;

    @BeforeAll
    static void setUp() {
        client = ApiClient.register(server.http(), "read write follow");
    }

    static HttpTester as(String name) {
        server.fixtures().account(name);
        return client.as(name, "read write follow");
    }

    @Test
    void blockListAndUnblockDomainsPagedByBlockId() {
        HttpTester alice = as("alice");
        assertThat(ok(alice.postForm("/api/v1/domain_blocks", Map.of("domain", "One.Example"))).body())
                .isEqualTo("{}");
        ok(alice.postJson("/api/v1/domain_blocks", "{\"domain\": \"two.example/\"}"));
        ok(alice.post("/api/v1/domain_blocks?domain=b%C3%BCcher.example"));
        ok(alice.post("/api/v1/domain_blocks?domain=one.example")); // again: no change

        HttpResult all = ok(alice.get("/api/v1/domain_blocks"));
        assertThat(strings(all.json())).containsExactly("xn--bcher-kva.example", "two.example", "one.example");
        HttpResult first = ok(alice.get("/api/v1/domain_blocks?limit=2"));
        assertThat(strings(first.json())).containsExactly("xn--bcher-kva.example", "two.example");
        assertThat(strings(ok(alice.get(link(first, "next"))).json())).containsExactly("one.example");

        assertThat(ok(alice.delete("/api/v1/domain_blocks?domain=TWO.example")).body()).isEqualTo("{}");
        ok(alice.delete("/api/v1/domain_blocks?domain=never.example"));
        assertThat(strings(ok(alice.get("/api/v1/domain_blocks")).json()))
                .containsExactly("xn--bcher-kva.example", "one.example");
    }

    @Test
    void badDomainsAre422AndStoreNothing() {
        HttpTester bob = as("bob");
        for (String body : new String[] {"{}", "{\"domain\": \"\"}", "{\"domain\": \"  \"}",
                "{\"domain\": \"has space.example\"}", "{\"domain\": \"-bad.example\"}", "{\"domain\": \"a..b\"}",
                "{\"domain\": \"user@host.example\"}", "{\"domain\": \"" + "x".repeat(64) + ".example\"}"}) {
            HttpResult r = bob.postJson("/api/v1/domain_blocks", body);
            assertThat(r.status()).as(body).isEqualTo(422);
            assertThat(r.json().get("error").asText()).startsWith("Validation failed: Domain ");
        }
        assertThat(bob.delete("/api/v1/domain_blocks").status()).isEqualTo(422);
        assertThat(strings(ok(bob.get("/api/v1/domain_blocks")).json())).isEmpty();
        assertThat(client.as("bob", "read").post("/api/v1/domain_blocks?domain=x.example").status()).isEqualTo(403);
        assertThat(client.as("bob", "write").get("/api/v1/domain_blocks").status()).isEqualTo(403);
        assertThat(server.http().get("/api/v1/domain_blocks").status()).isEqualTo(401);
    }

    @Test
    void blockingADomainHidesItsStatusesAndRemovesItsFollowers() {
        HttpTester carol = as("carol");
        long carolId = Long.parseLong(Graph.id(carol));
        var app = server.app();
        Account remote = Remote.account(app, "far", "far.example");
        Account other = Remote.account(app, "near", "near.example");
        app.graph().follows().follow(remote.id(), carolId, social.starling.service.follow.FollowService.Options.DEFAULT);
        app.graph().follows().follow(other.id(), carolId, social.starling.service.follow.FollowService.Options.DEFAULT);
        long farStatus = Remote.status(app, remote, "hello from far", "faraway");
        assertThat(carol.get("/api/v1/statuses/" + farStatus).status()).isEqualTo(200);
        assertThat(carol.get("/api/v1/accounts/" + carolId).json().get("followers_count").asInt()).isEqualTo(2);

        ok(carol.postJson("/api/v1/domain_blocks", "{\"domain\": \"FAR.example\"}"));
        assertThat(carol.get("/api/v1/statuses/" + farStatus).status()).isEqualTo(404);
        assertThat(carol.get("/api/v1/timelines/tag/faraway").json()).isEmpty();
        assertThat(server.http().get("/api/v1/timelines/tag/faraway").json()).hasSize(1);
        assertThat(carol.get("/api/v1/accounts/" + carolId).json().get("followers_count").asInt()).isEqualTo(1);
        assertThat(Graph.ids(carol.get("/api/v1/accounts/" + carolId + "/followers")))
                .containsExactly(Long.toString(other.id()));
        assertThat(app.graph().relationships().of(carolId, remote.id()).domainBlocking()).isTrue();

        ok(carol.delete("/api/v1/domain_blocks?domain=far.example"));
        assertThat(carol.get("/api/v1/statuses/" + farStatus).status()).isEqualTo(200);
        assertThat(app.graph().relationships().of(carolId, remote.id()).domainBlocking()).isFalse();
    }
}
