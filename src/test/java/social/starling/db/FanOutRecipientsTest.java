package social.starling.db;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.db.schema.Tables.FEED_ENTRIES;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Account;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Fan-out answers the accounts whose feeds it entered (INSERT ... RETURNING), on both databases. */
class FanOutRecipientsTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    @Test
    void fanOutReturnsTheFeedsItReached() {
        Account alice = server.fixtures().account("alice");
        Account bob = server.fixtures().account("bob");
        Account carol = server.fixtures().account("carol");
        Account dave = server.fixtures().account("dave");
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        HttpTester bobApi = client.as("bob", "read write follow");
        HttpTester carolApi = client.as("carol", "read write follow");
        HttpTester daveApi = client.as("dave", "read write follow");
        assertThat(bobApi.post("/api/v1/accounts/" + alice.id() + "/follow").status()).isEqualTo(200);
        assertThat(carolApi.post("/api/v1/accounts/" + alice.id() + "/follow").status()).isEqualTo(200);
        assertThat(daveApi.post("/api/v1/accounts/" + alice.id() + "/follow").status()).isEqualTo(200);
        assertThat(carolApi.post("/api/v1/accounts/" + alice.id() + "/mute").status()).isEqualTo(200);

        long status = Long.parseLong(client.as("alice", "read write follow")
                .postJson("/api/v1/statuses", "{\"status\": \"hello\"}").json().get("id").asText());
        server.awaitDistributed();
        var app = server.app();
        // Take it out of bob's and dave's feeds again, as if they had not been reached yet.
        app.core().db().inTransaction(tx -> TestSql.dsl(tx).deleteFrom(FEED_ENTRIES).where(FEED_ENTRIES.STATUS_ID.eq(status))
                .and(FEED_ENTRIES.ACCOUNT_ID.in(bob.id(), dave.id())).execute());

        List<Long> reached = app.core().db().inTransaction(tx -> app.repos().feeds().fanOut(tx, status, app.core().clock().instant()));
        assertThat(reached).containsExactlyInAnyOrder(bob.id(), dave.id()); // not carol, who muted alice
        List<Long> again = app.core().db().inTransaction(tx -> app.repos().feeds().fanOut(tx, status, app.core().clock().instant()));
        assertThat(again).as("feeds that hold it already are not counted again").isEmpty();
    }
}
