package social.starling.api.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Rule;
import social.starling.testing.ApiClient;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * {@code POST /api/v1/reports} as Mastodon's: the Report entity, the category made "violation" by rule ids, only
 * the target's own statuses, Mastodon's errors; the report is stored for the moderators.
 */
class ReportsApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    private static HttpTester rae;
    private static HttpTester sol;
    private static String solId;
    private static long ruleId;

    @BeforeAll
    static void accounts() {
        server.fixtures().account("rae");
        solId = Long.toString(server.fixtures().account("sol").id());
        ApiClient client = ApiClient.register(server.http(), "read write");
        rae = client.as("rae", "read write");
        sol = client.as("sol", "read write");
        ruleId = 4_242L;
        server.app().core().db().inTransaction(tx -> {
            server.app().repos().rules().insert(tx, new Rule(ruleId, "No spam", "", 0), Instant.now());
            return null;
        });
    }

    @Test
    void aReportWithStatusesAndARuleIsAViolation() {
        String post = sol.postJson("/api/v1/statuses", "{\"status\": \"buy now\"}").json().get("id").asText();
        HttpResult r = rae.postJson("/api/v1/reports", "{\"account_id\": \"" + solId + "\", \"status_ids\": [\"" + post
                + "\"], \"comment\": \"spam again\", \"rule_ids\": [\"" + ruleId + "\"], \"category\": \"other\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode report = r.json();
        Golden.assertMatches("report.json", r.body());
        assertThat(report.get("category").asText()).isEqualTo("violation");
        assertThat(report.get("status_ids")).extracting(JsonNode::asText).containsExactly(post);
        assertThat(report.get("rule_ids")).extracting(JsonNode::asText).containsExactly(Long.toString(ruleId));
        assertThat(report.get("comment").asText()).isEqualTo("spam again");
        assertThat(report.get("forwarded").asBoolean()).isFalse();
        assertThat(report.get("action_taken").asBoolean()).isFalse();
        assertThat(report.get("target_account").get("id").asText()).isEqualTo(solId);
        java.util.List<social.starling.model.Report> stored = server.app().core().db().read(tx ->
                server.app().inbox().reports().about(tx, Long.parseLong(solId)));
        assertThat(stored.stream().map(social.starling.model.Report::id).toList())
                .contains(Long.parseLong(report.get("id").asText()));
    }

    @Test
    void mastodonsErrors() {
        String raesPost = rae.postJson("/api/v1/statuses", "{\"status\": \"mine\"}").json().get("id").asText();
        // A status that is not the target's, an unknown account, oneself: 404.
        assertThat(rae.postJson("/api/v1/reports", "{\"account_id\": \"" + solId + "\", \"status_ids\": [\"" + raesPost
                + "\"]}").status()).isEqualTo(404);
        assertThat(rae.postJson("/api/v1/reports", "{\"account_id\": \"999999\"}").status()).isEqualTo(404);
        String raeId = rae.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
        assertThat(rae.postJson("/api/v1/reports", "{\"account_id\": \"" + raeId + "\"}").status()).isEqualTo(404);
        // A bad category, an unknown rule, a long comment: 422.
        HttpResult category = rae.postJson("/api/v1/reports", "{\"account_id\": \"" + solId + "\", \"category\": "
                + "\"rude\"}");
        assertThat(category.status()).isEqualTo(422);
        assertThat(category.json().get("error").asText()).contains("Category");
        assertThat(rae.postJson("/api/v1/reports", "{\"account_id\": \"" + solId + "\", \"rule_ids\": [\"1\"]}")
                .status()).isEqualTo(422);
        assertThat(rae.postJson("/api/v1/reports", "{\"account_id\": \"" + solId + "\", \"comment\": \""
                + "x".repeat(1001) + "\"}").status()).isEqualTo(422);
        // No token, or no write:reports: 401, 403.
        assertThat(server.http().postJson("/api/v1/reports", "{\"account_id\": \"" + solId + "\"}").status())
                .isEqualTo(401);
        HttpTester reader = ApiClient.register(server.http(), "read").as("rae", "read");
        assertThat(reader.postJson("/api/v1/reports", "{\"account_id\": \"" + solId + "\"}").status()).isEqualTo(403);
        // Forwarding a report about a local account does nothing: forwarded stays false.
        HttpResult plain = rae.postForm("/api/v1/reports", HttpTester.form("account_id", solId, "forward", "true"));
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        assertThat(plain.json().get("forwarded").asBoolean()).isFalse();
        assertThat(plain.json().get("category").asText()).isEqualTo("other");
        assertThat(plain.json().get("status_ids").isNull()).isTrue();
    }
}
