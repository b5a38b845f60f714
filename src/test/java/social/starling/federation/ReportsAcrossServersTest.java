package social.starling.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import social.starling.model.Report;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * A report about a member of another server, forwarded: it arrives there as a Flag from this server's instance
 * actor (the reporter stays anonymous), naming the account and the reported status, with the comment; there it
 * lands in the moderators' queue and notifies them ({@code admin.report}).
 */
class ReportsAcrossServersTest {
    private static final String SCOPES = "read write follow";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final List<TestApp> servers = new ArrayList<>();
    private static TestApp a;
    private static TestApp b;
    private static HttpTester alice;
    private static HttpTester bob;
    private static HttpTester moderatorOnB;

    @BeforeAll
    static void start() throws Exception {
        a = server();
        b = server();
        a.fixtures().account("alice");
        b.fixtures().account("bob");
        alice = ApiClient.register(a.http(), SCOPES).as("alice", SCOPES);
        bob = ApiClient.register(b.http(), SCOPES).as("bob", SCOPES);
        b.fixtures().account("mira", social.starling.model.Role.MODERATOR);
        moderatorOnB = ApiClient.register(b.http(), SCOPES + " admin:read").as("mira", SCOPES + " admin:read");
    }

    private static TestApp server() throws Exception {
        TestApp app = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");
        app.start();
        servers.add(app);
        return app;
    }

    @AfterAll
    static void stop() {
        servers.forEach(TestApp::stop);
    }

    @Test
    void aForwardedReportArrivesAsAFlagFromTheInstanceActor() {
        JsonNode post = bob.postJson("/api/v1/statuses", "{\"status\": \"something rude\"}").json();
        HttpResult found = alice.get("/api/v2/search?type=statuses&resolve=true&q="
                + URLEncoder.encode(post.get("uri").asText(), StandardCharsets.UTF_8));
        assertThat(found.json().get("statuses")).as(found.body()).hasSize(1);
        JsonNode status = found.json().get("statuses").get(0);
        String bobOnA = status.get("account").get("id").asText();

        HttpResult report = alice.postJson("/api/v1/reports", "{\"account_id\": \"" + bobOnA + "\", \"status_ids\": [\""
                + status.get("id").asText() + "\"], \"comment\": \"rude\", \"forward\": true}");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("forwarded").asBoolean()).isTrue();

        long bobId = b.fixtures().account("bob").id();
        Await.until(WAIT, () -> !b.app().core().db().read(tx -> b.app().inbox().reports().about(tx, bobId))
                .isEmpty());
        Report received = b.app().core().db().read(tx -> b.app().inbox().reports().about(tx, bobId)).getFirst();
        assertThat(received.comment()).isEqualTo("rude");
        assertThat(received.statusIds()).containsExactly(Long.parseLong(post.get("id").asText()));
        String reporterUri = b.app().core().db().read(tx -> b.app().repos().accounts().require(tx,
                received.accountId())).uri();
        assertThat(reporterUri).isEqualTo(a.baseUrl() + "/actor");

        // On b, the report is in the moderators' queue, from a's instance actor, and they were notified of it.
        HttpResult queue = moderatorOnB.get("/api/v1/admin/reports?target_account_id=" + bobId);
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        assertThat(queue.json()).hasSize(1);
        JsonNode queued = queue.json().get(0);
        assertThat(queued.get("id").asText()).isEqualTo(Long.toString(received.id()));
        assertThat(queued.get("comment").asText()).isEqualTo("rude");
        assertThat(queued.get("account").get("domain").isNull()).isFalse(); // a remote reporter
        assertThat(queued.get("account").get("email").isNull()).isTrue();
        assertThat(queued.get("statuses").get(0).get("id").asText()).isEqualTo(post.get("id").asText());
        HttpResult notified = moderatorOnB.get("/api/v1/notifications?types[]=admin.report");
        assertThat(notified.json()).as(notified.body()).hasSize(1);
        assertThat(notified.json().get(0).get("report").get("id").asText())
                .isEqualTo(Long.toString(received.id()));
        assertThat(bob.get("/api/v1/notifications?types[]=admin.report").json()).isEmpty();

        // Not forwarded: nothing more arrives there.
        HttpResult quiet = alice.postJson("/api/v1/reports", "{\"account_id\": \"" + bobOnA + "\"}");
        assertThat(quiet.json().get("forwarded").asBoolean()).isFalse();
        a.awaitDistributed();
        List<Report> after = b.app().core().db().read(tx -> b.app().inbox().reports().about(tx, bobId));
        assertThat(after).hasSize(1);
    }
}
