package social.starling.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.AuditEntry;
import social.starling.model.Role;
import social.starling.model.Rule;
import social.starling.testing.ApiClient;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The moderators' report queue, {@code /api/v1/admin/reports}, as Mastodon's: a report a member files appears in
 * it for staff who can manage reports and notifies them ({@code admin.report}, not plain members); the actions
 * (assign, unassign, resolve, reopen, update) answer Admin::Report and are written to the audit log; the scopes and
 * the permission are checked on every endpoint. A sign-up notifies staff who can manage users ({@code admin.sign_up}).
 */
class AdminReportsApiTest {
    private static final String SCOPES = "read write follow admin:read admin:write";

    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_REGISTRATIONS", "open");

    private static ApiClient client;
    private static HttpTester rae;
    private static HttpTester mod;
    private static HttpTester boss;
    private static long modId;
    private static long ruleId;

    @BeforeAll
    static void accounts() {
        server.fixtures().account("rae");
        modId = server.fixtures().account("mira", Role.MODERATOR).id();
        server.fixtures().account("boss", Role.ADMIN);
        client = ApiClient.register(server.http(), SCOPES);
        rae = client.as("rae", SCOPES);
        mod = client.as("mira", SCOPES);
        boss = client.as("boss", SCOPES);
        ruleId = server.app().core().ids().next();
        server.app().core().db().inTransaction(tx -> {
            server.app().repos().rules().insert(tx, new Rule(ruleId, "No spam", "Really, none", 0), Instant.now());
            return null;
        });
    }

    /** A new member of this server, reported by rae (with one of their statuses, when asked); the report's id. */
    private static String report(String target, boolean withStatus, String extra) {
        long targetId = server.fixtures().account(target).id();
        String statuses = "";
        if (withStatus) {
            HttpTester t = client.as(target, SCOPES);
            String post = t.postJson("/api/v1/statuses", "{\"status\": \"buy now\", \"visibility\": \"private\"}")
                    .json().get("id").asText();
            statuses = ", \"status_ids\": [\"" + post + "\"]";
        }
        HttpResult r = rae.postJson("/api/v1/reports", "{\"account_id\": \"" + targetId + "\"" + statuses + extra + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    private static List<String> ids(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    private static JsonNode adminReportNotification(HttpTester who, String reportId) {
        HttpResult r = who.get("/api/v1/notifications?types[]=admin.report&limit=40");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode n : r.json()) {
            if (n.get("report").get("id").asText().equals(reportId)) {
                return n;
            }
        }
        return null;
    }

    @Test
    void aFiledReportIsInTheQueueAndNotifiesStaffOnly() {
        String id = report("sol", true, ", \"comment\": \"spam again\", \"rule_ids\": [\"" + ruleId + "\"]");
        assertThat(ids(mod.get("/api/v1/admin/reports"))).contains(id);
        assertThat(ids(mod.get("/api/v1/admin/reports?resolved=true"))).doesNotContain(id);

        HttpResult one = mod.get("/api/v1/admin/reports/" + id);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        Golden.assertMatches("admin_report.json", one.body());
        JsonNode r = one.json();
        assertThat(r.get("account").get("username").asText()).isEqualTo("rae");
        assertThat(r.get("account").get("email").asText()).isEqualTo("rae@example.test");
        assertThat(r.get("target_account").get("account").get("acct").asText()).isEqualTo("sol");
        assertThat(r.get("category").asText()).isEqualTo("violation");
        assertThat(r.get("rules").get(0).get("text").asText()).isEqualTo("No spam");
        // A followers-only status the moderator could not otherwise see is shown to them.
        assertThat(r.get("statuses")).hasSize(1);
        assertThat(r.get("statuses").get(0).get("visibility").asText()).isEqualTo("private");
        assertThat(r.get("assigned_account").isNull()).isTrue();
        assertThat(r.get("action_taken_by_account").isNull()).isTrue();

        // Staff who can manage reports are told, with the Report entity; the target and the reporter are not.
        JsonNode forMod = adminReportNotification(mod, id);
        assertThat(forMod).isNotNull();
        assertThat(forMod.get("type").asText()).isEqualTo("admin.report");
        assertThat(forMod.get("account").get("acct").asText()).isEqualTo("rae");
        assertThat(forMod.get("report").get("target_account").get("acct").asText()).isEqualTo("sol");
        assertThat(forMod.get("report").get("comment").asText()).isEqualTo("spam again");
        assertThat(adminReportNotification(boss, id)).isNotNull();
        assertThat(adminReportNotification(rae, id)).isNull();
        assertThat(client.as("sol", SCOPES).get("/api/v1/notifications").json()).isEmpty();
        // exclude_types[] leaves it out; grouped notifications (v2) carry the report too.
        assertThat(mod.get("/api/v1/notifications?exclude_types[]=admin.report&exclude_types[]=admin.sign_up")
                .json()).isEmpty();
        HttpResult grouped = mod.get("/api/v2/notifications?types[]=admin.report");
        assertThat(grouped.status()).as(grouped.body()).isEqualTo(200);
        boolean found = false;
        for (JsonNode g : grouped.json().get("notification_groups")) {
            if (g.get("type").asText().equals("admin.report") && g.get("report").get("id").asText().equals(id)) {
                found = true;
            }
        }
        assertThat(found).as(grouped.body()).isTrue();

        // A second report about the same account while the first is open tells nobody again (Mastodon's siblings).
        String second = report("sol", false, "");
        assertThat(adminReportNotification(mod, second)).isNull();
        assertThat(ids(mod.get("/api/v1/admin/reports"))).contains(id, second);
    }

    @Test
    void theAdminReportNotificationIsStreamed() throws Exception {
        String token = client.login("mira", social.starling.testing.Fixtures.PASSWORD, SCOPES);
        try (social.starling.testing.StreamClient notes = social.starling.testing.StreamClient.sse(server.baseUrl(),
                "/api/v1/streaming/user/notification", token)) {
            String id = report("yul", false, "");
            JsonNode n = notes.nextEvent("notification").json();
            assertThat(n.get("type").asText()).isEqualTo("admin.report");
            assertThat(n.get("report").get("id").asText()).isEqualTo(id);
            assertThat(n.get("report").get("target_account").get("acct").asText()).isEqualTo("yul");
        }
    }

    @Test
    void assignResolveAndReopenAreAuditedAndMoveTheReportBetweenLists() {
        String id = report("tam", false, "");
        HttpResult assigned = mod.post("/api/v1/admin/reports/" + id + "/assign_to_self");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("assigned_account").get("id").asText()).isEqualTo(Long.toString(modId));
        assertThat(assigned.json().get("assigned_account").get("role").get("name").asText()).isEqualTo("Moderator");

        HttpResult unassigned = mod.post("/api/v1/admin/reports/" + id + "/unassign");
        assertThat(unassigned.json().get("assigned_account").isNull()).isTrue();

        HttpResult resolved = mod.post("/api/v1/admin/reports/" + id + "/resolve");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("action_taken").asBoolean()).isTrue();
        assertThat(resolved.json().get("action_taken_at").isNull()).isFalse();
        assertThat(resolved.json().get("action_taken_by_account").get("id").asText())
                .isEqualTo(Long.toString(modId));
        assertThat(ids(mod.get("/api/v1/admin/reports"))).doesNotContain(id);
        assertThat(ids(mod.get("/api/v1/admin/reports?resolved=true"))).contains(id);

        HttpResult reopened = mod.post("/api/v1/admin/reports/" + id + "/reopen");
        assertThat(reopened.json().get("action_taken").asBoolean()).isFalse();
        assertThat(reopened.json().get("action_taken_at").isNull()).isTrue();
        assertThat(reopened.json().get("action_taken_by_account").isNull()).isTrue();
        assertThat(ids(mod.get("/api/v1/admin/reports"))).contains(id);

        List<AuditEntry> log = server.app().moderation().auditLog().page(modId, "Report", Long.parseLong(id), null,
                10);
        assertThat(log).extracting(AuditEntry::action)
                .containsExactly("reopen", "resolve", "unassigned", "assigned_to_self");
        assertThat(log).allSatisfy(e -> {
            assertThat(e.accountId()).isEqualTo(modId);
            assertThat(e.humanIdentifier()).isEqualTo(id);
        });
    }

    @Test
    void updateChangesCategoryAndRulesWithMastodonsErrors() {
        String id = report("uma", false, ", \"category\": \"spam\"");
        HttpResult violation = mod.putJson("/api/v1/admin/reports/" + id, "{\"rule_ids\": [\"" + ruleId + "\"]}");
        assertThat(violation.status()).as(violation.body()).isEqualTo(200);
        assertThat(violation.json().get("category").asText()).isEqualTo("violation");
        assertThat(violation.json().get("rules").get(0).get("id").asText()).isEqualTo(Long.toString(ruleId));

        HttpResult other = mod.send("PATCH", "/api/v1/admin/reports/" + id,
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "category=other");
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.json().get("category").asText()).isEqualTo("other");
        assertThat(other.json().get("rules")).isEmpty();

        HttpResult rude = mod.putJson("/api/v1/admin/reports/" + id, "{\"category\": \"rude\"}");
        assertThat(rude.status()).isEqualTo(422);
        assertThat(rude.json().get("error").asText()).contains("Category");
        assertThat(mod.putJson("/api/v1/admin/reports/" + id, "{\"category\": \"violation\", \"rule_ids\": [\"1\"]}")
                .status()).isEqualTo(422);

        List<AuditEntry> log = server.app().moderation().auditLog().page(modId, "Report", Long.parseLong(id), null,
                10);
        assertThat(log).extracting(AuditEntry::action).containsExactly("update", "update");
    }

    @Test
    void filtersAndLinkPaging() {
        String first = report("vic", false, "");
        String second = report("wes", false, "");
        long vic = server.fixtures().account("vic").id();
        assertThat(ids(mod.get("/api/v1/admin/reports?target_account_id=" + vic))).containsExactly(first);
        long raeId = server.fixtures().account("rae").id();
        assertThat(ids(mod.get("/api/v1/admin/reports?account_id=" + raeId))).contains(first, second);
        assertThat(ids(mod.get("/api/v1/admin/reports?account_id=" + vic))).isEmpty();
        assertThat(ids(mod.get("/api/v1/admin/reports?target_account_id=nonsense"))).isEmpty();

        HttpResult page = mod.get("/api/v1/admin/reports?limit=1&account_id=" + raeId);
        assertThat(ids(page)).hasSize(1);
        String link = page.header("Link").orElseThrow();
        assertThat(link).contains("rel=\"next\"").contains("max_id=" + ids(page).getFirst())
                .contains("account_id=" + raeId);
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        HttpResult older = mod.get(next.substring(next.indexOf("/api/")));
        assertThat(ids(older)).hasSize(1).doesNotContain(ids(page).getFirst());
    }

    @Test
    void everyEndpointWantsStaffWithTheAdminScopes() {
        String id = report("xan", false, "");
        HttpTester raeAdmin = client.as("rae", SCOPES);
        HttpTester modReader = client.as("mira", "read write");
        HttpTester modReadOnly = client.as("mira", "admin:read");
        record Call(String method, String path, boolean write) {
        }
        List<Call> calls = List.of(new Call("GET", "/api/v1/admin/reports", false),
                new Call("GET", "/api/v1/admin/reports/" + id, false),
                new Call("PUT", "/api/v1/admin/reports/" + id, true),
                new Call("POST", "/api/v1/admin/reports/" + id + "/assign_to_self", true),
                new Call("POST", "/api/v1/admin/reports/" + id + "/unassign", true),
                new Call("POST", "/api/v1/admin/reports/" + id + "/resolve", true),
                new Call("POST", "/api/v1/admin/reports/" + id + "/reopen", true));
        Map<String, String> json = Map.of("Content-Type", "application/json");
        for (Call c : calls) {
            String body = c.method().equals("GET") ? null : "{}";
            assertThat(server.http().send(c.method(), c.path(), json, body).status()).as(c.path()).isEqualTo(401);
            HttpResult member = raeAdmin.send(c.method(), c.path(), json, body);
            assertThat(member.status()).as(c.path()).isEqualTo(403);
            assertThat(member.json().get("error").asText()).isEqualTo("This action is not allowed");
            HttpResult noScope = modReader.send(c.method(), c.path(), json, body);
            assertThat(noScope.status()).as(c.path()).isEqualTo(403);
            assertThat(noScope.json().get("error").asText()).isEqualTo("This action is outside the authorized scopes");
            if (c.write()) {
                assertThat(modReadOnly.send(c.method(), c.path(), json, body).status()).as(c.path()).isEqualTo(403);
            } else {
                assertThat(modReadOnly.send(c.method(), c.path(), json, body).status()).as(c.path()).isEqualTo(200);
            }
            HttpResult ok = mod.send(c.method(), c.path(), json, body);
            assertThat(ok.status()).as(c.path() + " " + ok.body()).isEqualTo(200);
            if (!c.path().equals("/api/v1/admin/reports")) {
                String missing = c.path().replace(id, "12345");
                assertThat(mod.send(c.method(), missing, json, body).status()).as(missing).isEqualTo(404);
            }
        }
        // The narrow scopes are enough.
        HttpTester narrow = client.as("mira", "admin:read:reports admin:write:reports");
        assertThat(narrow.get("/api/v1/admin/reports/" + id).status()).isEqualTo(200);
        assertThat(narrow.post("/api/v1/admin/reports/" + id + "/resolve").status()).isEqualTo(200);
    }

    @Test
    void aSignUpNotifiesStaffWhoManageUsers() {
        String app = client.appToken("read write follow");
        HttpResult r = server.http().withToken(app).postJson("/api/v1/accounts", """
                {"username": "newbie", "email": "newbie@example.test", "password": "a good long password",
                 "agreement": true, "locale": "en"}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long newbie = server.app().accounts().queries().lookup("newbie").orElseThrow().id();
        HttpResult forBoss = boss.get("/api/v1/notifications?types[]=admin.sign_up");
        assertThat(forBoss.json()).as(forBoss.body()).hasSize(1);
        assertThat(forBoss.json().get(0).get("type").asText()).isEqualTo("admin.sign_up");
        assertThat(forBoss.json().get(0).get("account").get("id").asText()).isEqualTo(Long.toString(newbie));
        assertThat(forBoss.json().get(0).has("report")).isFalse();
        assertThat(mod.get("/api/v1/notifications?types[]=admin.sign_up").json()).hasSize(1);
        assertThat(rae.get("/api/v1/notifications?types[]=admin.sign_up").json()).isEmpty();
    }
}
