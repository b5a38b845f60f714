package social.starling.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.graph.Graph.follow;
import static social.starling.api.graph.Graph.homeIds;
import static social.starling.api.graph.Graph.ok;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.App;
import social.starling.model.Account;
import social.starling.model.Visibility;
import social.starling.service.status.StatusWriter;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The one write path for accounts and statuses also takes remote ones (what an inbound Create or actor refresh
 * will do): a remote actor is inserted once and updated by its URI, and a remote status written through
 * {@link StatusWriter} reaches its local followers' home feeds, mentions and counters like a local post.
 */
class WritePathTest {
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
    void aRemoteActorIsInsertedOnceAndUpdatedByItsUri() {
        App app = server.app();
        Account first = Remote.account(app, "zed", "zed.example");
        HttpTester alice = as("alice");
        assertThat(ok(alice.get("/api/v1/accounts/" + first.id())).json().path("display_name").asText()).isEmpty();

        Account renamed = new Account(app.core().ids().next(), "zed", "zed.example", "Zed Renamed",
                "<p>new bio</p>", "", List.of(), first.uri(), first.url(), first.inboxUri(),
                "https://zed.example/inbox", first.outboxUri(), first.followersUri(), first.followingUri(), null,
                "Service", true, true, false, false, false, null, null, null, null, "PEM", 0, 0, 0, null, null, null,
                Instant.now(), Instant.now());
        Account stored = app.core().db().inTransaction(tx ->
                app.accounts().writer().upsertRemote(tx, renamed, app.core().clock().instant()));

        assertThat(stored.id()).isEqualTo(first.id());
        var shown = ok(alice.get("/api/v1/accounts/" + first.id())).json();
        assertThat(shown.path("display_name").asText()).isEqualTo("Zed Renamed");
        assertThat(shown.path("bot").asBoolean()).isTrue();
        assertThat(shown.path("locked").asBoolean()).isTrue();
        assertThat(shown.path("acct").asText()).isEqualTo("zed@zed.example");
    }

    @Test
    void aRemoteStatusWrittenThroughTheWriterReachesLocalFollowers() {
        App app = server.app();
        Account remote = Remote.account(app, "far", "far.example");
        HttpTester bob = as("bob");
        follow(bob, Long.toString(remote.id())); // a request until the remote account accepts
        Account bobAccount = server.fixtures().account("bob");
        app.graph().follows().acceptedByRemote(bobAccount.id(), remote.id());
        long id = app.core().ids().next();
        app.core().db().inTransaction(tx -> app.statuses().writer().create(tx, new StatusWriter.NewStatus(id, remote,
                remote.uri() + "/statuses/" + id, "https://far.example/@far/" + id, Visibility.PUBLIC, "",
                "<p>hello @bob</p>", "", false, "en", null, null, null, List.of(bobAccount.id()), List.of("far"),
                null, app.core().clock().instant())));
        server.awaitDistributed();

        assertThat(homeIds(bob)).contains(Long.toString(id));
        Await.until(() -> ok(bob.get("/api/v1/notifications?types[]=mention")).json().size() == 1);
        var status = ok(bob.get("/api/v1/statuses/" + id)).json();
        assertThat(status.path("account").path("acct").asText()).isEqualTo("far@far.example");
        assertThat(status.path("tags").get(0).path("name").asText()).isEqualTo("far");
        assertThat(ok(bob.get("/api/v1/accounts/" + remote.id())).json().path("statuses_count").asInt())
                .isEqualTo(1);
    }
}
