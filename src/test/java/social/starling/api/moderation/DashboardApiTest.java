package social.starling.api.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Account;
import social.starling.model.Follow;
import social.starling.model.Role;
import social.starling.testing.ApiClient;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * {@code POST /api/v1/admin/measures}, {@code /dimensions} and {@code /retention} (View Dashboard, which a
 * moderator has): daily figures computed from the database for the period asked.
 */
class DashboardApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    private static HttpTester admin;
    private static HttpTester moderator;
    private static HttpTester member;
    private static HttpTester ann;
    private static long newUsersBefore;
    private static String today;
    private static String twoDaysAgo;

    @BeforeAll
    static void data() {
        LocalDate now = LocalDate.ofInstant(server.app().core().clock().instant(), ZoneOffset.UTC);
        today = now.toString();
        twoDaysAgo = now.minusDays(2).toString();
        server.fixtures().account("ada", Role.ADMIN);
        server.fixtures().account("mo", Role.MODERATOR);
        server.fixtures().account("mel");
        ApiClient client = ApiClient.register(server.http(), "read write admin:read admin:write");
        admin = client.as("ada", "read write admin:read admin:write");
        moderator = client.as("mo", "read write admin:read");
        member = client.as("mel", "read write admin:read");
        newUsersBefore = total(measures("new_users", ""), "new_users");

        server.fixtures().account("ann");
        server.fixtures().account("ben");
        ann = client.as("ann", "read write");
        HttpTester ben = client.as("ben", "read write");
        String post = ben.postJson("/api/v1/statuses", "{\"status\": \"hello\", \"language\": \"en\"}").json()
                .get("id").asText();
        ann.post("/api/v1/statuses/" + post + "/favourite");
        ann.post("/api/v1/statuses/" + post + "/reblog");
        ann.postJson("/api/v1/statuses", "{\"status\": \"hi\", \"in_reply_to_id\": \"" + post + "\"}");

        Account far1 = remote("faraway1", "far.example");
        Account far2 = remote("faraway2", "far.example");
        Account annAccount = server.fixtures().account("ann");
        Account benAccount = server.fixtures().account("ben");
        follow(annAccount, far1);
        follow(far2, benAccount);
        HttpResult report = ann.postJson("/api/v1/reports", "{\"account_id\": \"" + far1.id() + "\"}");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
    }

    static Account remote(String username, String domain) {
        var app = server.app();
        Instant now = app.core().clock().instant();
        String base = "https://" + domain;
        String uri = base + "/users/" + username;
        Account a = new Account(app.core().ids().next(), username, domain, "", "", "", List.of(), uri,
                base + "/@" + username, uri + "/inbox", base + "/inbox", uri + "/outbox", uri + "/followers",
                uri + "/following", null, "Person", false, true, false, false, false, null, null, null, null, null,
                0, 0, 0, null, null, null, now, now);
        return app.core().db().inTransaction(tx -> app.accounts().writer().upsertRemote(tx, a, now));
    }

    static void follow(Account follower, Account target) {
        var app = server.app();
        long id = app.core().ids().next();
        Follow f = new Follow(id, follower.id(), target.id(), true, false, List.of(), follower.uri() + "#follows/" + id,
                app.core().clock().instant());
        app.core().db().inTransaction(tx -> {
            app.repos().relationships().insertFollow(tx, f);
            return null;
        });
    }

    static JsonNode measures(String keys, String extra) {
        StringBuilder body = new StringBuilder("{\"keys\": [");
        String[] list = keys.split(",");
        for (int i = 0; i < list.length; i++) {
            body.append(i == 0 ? "" : ", ").append('"').append(list[i]).append('"');
        }
        body.append("], \"start_at\": \"").append(twoDaysAgo).append("T00:00:00Z\", \"end_at\": \"").append(today)
                .append("\"").append(extra).append('}');
        HttpResult r = admin.postJson("/api/v1/admin/measures", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode measure(JsonNode all, String key) {
        for (JsonNode m : all) {
            if (m.get("key").asText().equals(key)) {
                return m;
            }
        }
        throw new AssertionError("no measure " + key + " in " + all);
    }

    static long total(JsonNode all, String key) {
        return measure(all, key).get("total").asLong();
    }

    @Test
    void measuresCountWhatHappenedDayByDay() {
        JsonNode all = measures("new_users,interactions,opened_reports,resolved_reports,active_users,tag_uses", "");
        assertThat(all).extracting(m -> m.get("key").asText())
                .containsExactly("new_users", "interactions", "opened_reports", "resolved_reports");
        JsonNode newUsers = measure(all, "new_users");
        assertThat(newUsers.get("total").asLong()).isEqualTo(newUsersBefore + 2);
        assertThat(newUsers.get("previous_total").asText()).isEqualTo("0");
        assertThat(newUsers.get("unit").isNull()).isTrue();
        assertThat(newUsers.get("data")).hasSize(3);
        assertThat(newUsers.get("data").get(0).get("date").asText()).isEqualTo(twoDaysAgo + "T00:00:00.000+00:00");
        assertThat(newUsers.get("data").get(0).get("value").asText()).isEqualTo("0");
        assertThat(newUsers.get("data").get(2).get("value").asLong()).isEqualTo(newUsersBefore + 2);
        assertThat(total(all, "interactions")).isEqualTo(3); // a favourite, a boost and a reply of a local post
        assertThat(total(all, "opened_reports")).isEqualTo(1);
        assertThat(total(all, "resolved_reports")).isEqualTo(0);
    }

    @Test
    void instanceMeasuresNeedADomainAndCountThatServer() {
        JsonNode all = measures("instance_accounts,instance_follows,instance_followers,instance_reports,"
                + "instance_statuses,instance_media_attachments", ", \"instance_accounts\": {\"domain\": \"far.example\"},"
                + " \"instance_follows\": {\"domain\": \"far.example\"}, \"instance_followers\": {\"domain\": "
                + "\"far.example\"}, \"instance_reports\": {\"domain\": \"far.example\"}, \"instance_statuses\": "
                + "{\"domain\": \"far.example\"}, \"instance_media_attachments\": {\"domain\": \"FAR.example\"}");
        assertThat(total(all, "instance_accounts")).isEqualTo(2);
        assertThat(total(all, "instance_follows")).isEqualTo(1);
        assertThat(total(all, "instance_followers")).isEqualTo(1);
        assertThat(total(all, "instance_reports")).isEqualTo(1);
        assertThat(total(all, "instance_statuses")).isEqualTo(0);
        JsonNode media = measure(all, "instance_media_attachments");
        assertThat(media.get("unit").asText()).isEqualTo("bytes");
        assertThat(media.get("human_value").asText()).isEqualTo("0 Bytes");
        assertThat(measure(all, "instance_accounts").has("previous_total")).isFalse();

        HttpResult noDomain = admin.postJson("/api/v1/admin/measures", "{\"keys\": [\"instance_accounts\"], "
                + "\"start_at\": \"" + today + "\", \"end_at\": \"" + today + "\"}");
        assertThat(noDomain.status()).isEqualTo(400);
    }

    @Test
    void theMeasuresAnswerHasMastodonsShape() {
        JsonNode all = measures("opened_reports,instance_accounts,instance_media_attachments",
                ", \"instance_accounts\": {\"domain\": \"far.example\"}, \"instance_media_attachments\": "
                        + "{\"domain\": \"far.example\"}");
        Golden.assertMatches("admin_measures.json", all.toString());
    }

    @Test
    void formParametersWorkToo() {
        HttpResult r = admin.postForm("/api/v1/admin/measures", HttpTester.form("keys[]", "instance_accounts",
                "instance_accounts[domain]", "far.example", "start_at", today, "end_at", today));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get(0).get("total").asText()).isEqualTo("2");
    }

    @Test
    void dimensionsAnswerWhatTheDatabaseHolds() {
        HttpResult r = moderator.postJson("/api/v1/admin/dimensions", "{\"keys\": [\"languages\", \"servers\", "
                + "\"instance_accounts\", \"software_versions\"], \"instance_accounts\": {\"domain\": \"far.example\"},"
                + " \"start_at\": \"" + twoDaysAgo + "\", \"end_at\": \"" + today + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode all = r.json();
        assertThat(all).extracting(d -> d.get("key").asText())
                .containsExactly("languages", "servers", "instance_accounts");
        JsonNode languages = all.get(0).get("data");
        assertThat(languages.get(0).get("key").asText()).isEqualTo("en");
        assertThat(languages.get(0).get("human_key").asText()).isEqualTo("English");
        assertThat(all.get(1).get("data")).isEmpty();
        JsonNode followed = all.get(2).get("data");
        assertThat(followed).hasSize(1);
        assertThat(followed.get(0).get("key").asText()).isEqualTo("faraway1");
        assertThat(followed.get(0).get("value").asText()).isEqualTo("1");
    }

    @Test
    void retentionAnswersAValidList() {
        HttpResult r = admin.postJson("/api/v1/admin/retention", "{\"start_at\": \"" + twoDaysAgo + "\", \"end_at\": \""
                + today + "\", \"frequency\": \"day\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
    }

    @Test
    void onlyStaffWithViewDashboardMaySee() {
        for (String path : List.of("/api/v1/admin/measures", "/api/v1/admin/dimensions", "/api/v1/admin/retention")) {
            String body = "{\"keys\": [\"new_users\"], \"start_at\": \"" + today + "\", \"end_at\": \"" + today + "\"}";
            HttpResult r = member.postJson(path, body);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.json().get("error").asText()).isEqualTo("This action is not allowed");
            assertThat(server.http().postJson(path, body).status()).as(path).isEqualTo(401);
            assertThat(moderator.postJson(path, body).status()).as(path).isEqualTo(200);
        }
        assertThat(admin.postJson("/api/v1/admin/measures", "{\"keys\": [\"new_users\"]}").status()).isEqualTo(400);
        assertThat(admin.postJson("/api/v1/admin/measures", "{\"keys\": [\"new_users\"], \"start_at\": \"2020-01-01\","
                + " \"end_at\": \"2026-01-01\"}").status()).isEqualTo(422);
    }
}
