package social.starling.api.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.AuditEntry;
import social.starling.model.Role;
import social.starling.testing.ApiClient;
import social.starling.testing.Fixtures;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The admin accounts API (Mastodon's methods/admin/accounts.md) and what members see of each action: the lists
 * and their filters, Admin::Account, the actions and their undos, the audit log, and the effects through the
 * members' own API (a limited account hidden from non-followers only, a suspended one's statuses gone and its
 * login refused, forced-sensitive media, a disabled login, the moderation_warning notification).
 */
class AdminAccountsApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    private static final String ADMIN_SCOPES = "read write admin:read admin:write";
    private static ApiClient client;
    private static HttpTester admin;
    private static HttpTester moderator;
    private static long adminId;

    @BeforeAll
    static void accounts() {
        adminId = server.fixtures().account("ada", Role.ADMIN).id();
        server.fixtures().account("mo", Role.MODERATOR);
        client = ApiClient.register(server.http(), ADMIN_SCOPES);
        admin = client.as("ada", ADMIN_SCOPES);
        moderator = client.as("mo", ADMIN_SCOPES);
    }

    private static long id(String name) {
        return server.fixtures().account(name).id();
    }

    private static HttpTester member(String name) {
        server.fixtures().account(name);
        return client.as(name, "read write");
    }

    private static HttpResult action(long target, String json) {
        return admin.postJson("/api/v1/admin/accounts/" + target + "/action", json);
    }

    @Test
    void onlyStaffWithAdminScopes() {
        long target = id("tess");
        String path = "/api/v1/admin/accounts/" + target;
        assertThat(server.http().get(path).status()).isEqualTo(401);
        HttpResult member = client.as("tess", ADMIN_SCOPES).get(path);
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.json().get("error").asText()).isEqualTo("This action is not allowed");
        HttpResult noScope = client.as("ada", "read write").get(path);
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.json().get("error").asText()).isEqualTo("This action is outside the authorized scopes");
        HttpResult readOnly = client.as("ada", "admin:read:accounts").post(path + "/unsilence");
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(client.as("ada", "admin:read:accounts").get(path).status()).isEqualTo(200);
        for (String p : List.of("/api/v1/admin/accounts", "/api/v2/admin/accounts")) {
            assertThat(client.as("tess", ADMIN_SCOPES).get(p).status()).isEqualTo(403);
        }
        for (String verb : List.of("action", "approve", "reject", "enable", "unsilence", "unsuspend",
                "unsensitive")) {
            assertThat(client.as("tess", ADMIN_SCOPES).post(path + "/" + verb).status()).as(verb).isEqualTo(403);
        }
        assertThat(client.as("tess", ADMIN_SCOPES).delete(path).status()).isEqualTo(403);
    }

    @Test
    void oneAccountIsAnAdminAccount() {
        long target = id("gus");
        HttpResult r = admin.get("/api/v1/admin/accounts/" + target);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Golden.assertMatches("admin_account.json", r.body());
        assertThat(r.json().get("email").asText()).isEqualTo("gus@example.test");
        assertThat(admin.get("/api/v1/admin/accounts/424242").status()).isEqualTo(404);
    }

    @Test
    void listsFilterAndPage() {
        long una = id("una");
        long uma = id("uma");
        action(uma, "{\"type\": \"silence\"}");
        List<String> v1 = ids(admin.get("/api/v1/admin/accounts?local=true&username=u"));
        assertThat(v1).contains(Long.toString(una), Long.toString(uma));
        assertThat(ids(admin.get("/api/v1/admin/accounts?silenced=true"))).contains(Long.toString(uma))
                .doesNotContain(Long.toString(una));
        assertThat(ids(admin.get("/api/v2/admin/accounts?status=silenced&origin=local")))
                .contains(Long.toString(uma)).doesNotContain(Long.toString(una));
        assertThat(ids(admin.get("/api/v1/admin/accounts?staff=true"))).contains(Long.toString(adminId))
                .doesNotContain(Long.toString(una));
        assertThat(ids(admin.get("/api/v2/admin/accounts?permissions=staff"))).contains(Long.toString(adminId))
                .doesNotContain(Long.toString(una));
        assertThat(ids(admin.get("/api/v2/admin/accounts?role_ids[]=2"))).containsExactly(Long.toString(adminId));
        assertThat(ids(admin.get("/api/v2/admin/accounts?email=una@example"))).containsExactly(Long.toString(una));
        assertThat(ids(admin.get("/api/v1/admin/accounts?remote=true"))).isEmpty();
        // Paging: one at a time, newest first, by Link.
        HttpResult first = admin.get("/api/v2/admin/accounts?username=u&limit=1");
        assertThat(ids(first)).hasSize(1);
        String next = first.header("Link").orElseThrow();
        assertThat(next).contains("rel=\"next\"").contains("max_id=" + ids(first).getFirst());
        String nextUrl = next.substring(next.indexOf('<') + 1, next.indexOf('>'));
        List<String> second = ids(admin.get(nextUrl.substring(nextUrl.indexOf("/api/"))));
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(ids(first));
    }

    private static List<String> ids(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(a -> out.add(a.get("id").asText()));
        return out;
    }

    @Test
    void warningNotifiesTheMember() {
        HttpTester wes = member("wes");
        HttpResult r = action(id("wes"), "{\"type\": \"none\", \"text\": \"Please mind the rules\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{}");
        HttpResult listed = wes.get("/api/v1/notifications");
        Golden.assertMatches("notification_moderation_warning.json", listed.body());
        JsonNode notes = listed.json();
        assertThat(notes).hasSize(1);
        JsonNode n = notes.get(0);
        assertThat(n.get("type").asText()).isEqualTo("moderation_warning");
        assertThat(n.get("account").get("id").asText()).isEqualTo(Long.toString(id("wes")));
        JsonNode w = n.get("moderation_warning");
        assertThat(w.get("action").asText()).isEqualTo("none");
        assertThat(w.get("text").asText()).isEqualTo("Please mind the rules");
        assertThat(w.get("target_account").get("id").asText()).isEqualTo(Long.toString(id("wes")));
        assertThat(w.get("appeal").isNull()).isTrue();
        // Grouped notifications carry it too.
        JsonNode grouped = wes.get("/api/v2/notifications").json();
        assertThat(grouped.get("notification_groups").get(0).get("type").asText()).isEqualTo("moderation_warning");
        assertThat(grouped.get("notification_groups").get(0).get("moderation_warning").get("text").asText())
                .isEqualTo("Please mind the rules");
        // The strike is on record, and the warning in the audit log.
        assertThat(server.app().accounts().strikes().strikesOf(id("wes"))).hasSize(1);
        assertThat(audit(id("wes"))).contains("warn");
        // No notification when the moderator says so.
        HttpTester xan = member("xan");
        action(id("xan"), "{\"type\": \"none\", \"text\": \"quiet\", \"send_email_notification\": false}");
        assertThat(xan.get("/api/v1/notifications").json()).isEmpty();
    }

    @Test
    void anActionTakenOnAReportResolvesIt() {
        HttpTester rex = member("rex");
        HttpTester ora = member("ora");
        String post = ora.postJson("/api/v1/statuses", "{\"status\": \"spam spam spam\"}").json().get("id").asText();
        HttpResult filed = rex.postJson("/api/v1/reports", "{\"account_id\": \"" + id("ora")
                + "\", \"status_ids\": [\"" + post + "\"], \"category\": \"spam\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        String reportId = filed.json().get("id").asText();
        // A report about someone else cannot be closed by acting on this account.
        assertThat(action(id("rex"), "{\"type\": \"none\", \"report_id\": \"" + reportId + "\"}").status())
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/admin/reports/" + reportId).json().get("action_taken").asBoolean()).isFalse();

        HttpResult r = action(id("ora"), "{\"type\": \"silence\", \"text\": \"spam\", \"report_id\": \""
                + reportId + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode report = admin.get("/api/v1/admin/reports/" + reportId).json();
        assertThat(report.get("action_taken").asBoolean()).isTrue();
        assertThat(report.get("action_taken_by_account").get("id").asText()).isEqualTo(Long.toString(adminId));
        assertThat(ids(admin.get("/api/v1/admin/reports"))).doesNotContain(reportId);
        JsonNode warning = ora.get("/api/v1/notifications").json().get(0).get("moderation_warning");
        assertThat(warning.get("status_ids")).extracting(JsonNode::asText).containsExactly(post);
        assertThat(server.app().moderation().auditLog().page(null, "Report", Long.parseLong(reportId), null, 10))
                .extracting(AuditEntry::action).containsExactly("resolve");
    }

    @Test
    void aLimitedAccountIsHiddenFromNonFollowersOnly() {
        HttpTester lia = member("lia");
        HttpTester fay = member("fay");
        HttpTester nia = member("nia");
        assertThat(fay.post("/api/v1/accounts/" + id("lia") + "/follow").status()).isEqualTo(200);
        String post = lia.postJson("/api/v1/statuses", "{\"status\": \"limited #quiet\"}").json().get("id").asText();
        assertThat(action(id("lia"), "{\"type\": \"silence\"}").status()).isEqualTo(200);
        assertThat(statusIds(nia.get("/api/v1/timelines/public?limit=40"))).doesNotContain(post);
        assertThat(statusIds(nia.get("/api/v1/timelines/tag/quiet"))).doesNotContain(post);
        assertThat(statusIds(server.http().get("/api/v1/timelines/public?limit=40"))).doesNotContain(post);
        assertThat(statusIds(fay.get("/api/v1/timelines/public?limit=40"))).contains(post);
        assertThat(statusIds(fay.get("/api/v1/timelines/tag/quiet"))).contains(post);
        assertThat(statusIds(fay.get("/api/v1/timelines/home"))).contains(post);
        assertThat(admin.get("/api/v1/admin/accounts/" + id("lia")).json().get("silenced").asBoolean()).isTrue();
        assertThat(audit(id("lia"))).contains("silence");
        // Undo: back for everyone.
        HttpResult undo = admin.post("/api/v1/admin/accounts/" + id("lia") + "/unsilence");
        assertThat(undo.status()).isEqualTo(200);
        assertThat(undo.json().get("silenced").asBoolean()).isFalse();
        assertThat(statusIds(nia.get("/api/v1/timelines/public?limit=40"))).contains(post);
        assertThat(audit(id("lia"))).contains("unsilence");
    }

    private static List<String> statusIds(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(s -> out.add(s.get("id").asText()));
        return out;
    }

    @Test
    void aSuspendedAccountIsGoneAndCannotLogIn() {
        HttpTester sue = member("sue");
        HttpTester viewer = member("vic");
        String post = sue.postJson("/api/v1/statuses", "{\"status\": \"soon gone\"}").json().get("id").asText();
        assertThat(action(id("sue"), "{\"type\": \"suspend\", \"text\": \"spam\"}").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/statuses/" + post).status()).isEqualTo(404);
        assertThat(server.http().get("/api/v1/statuses/" + post).status()).isEqualTo(404);
        assertThat(statusIds(viewer.get("/api/v1/timelines/public?limit=40"))).doesNotContain(post);
        JsonNode profile = viewer.get("/api/v1/accounts/" + id("sue")).json();
        assertThat(profile.get("suspended").asBoolean()).isTrue();
        assertThat(profile.get("display_name").asText()).isEmpty();
        // Its token stops working and a new login is refused.
        HttpResult old = sue.get("/api/v1/accounts/verify_credentials");
        assertThat(old.status()).isEqualTo(403);
        HttpResult login = server.http().postForm("/oauth/token", HttpTester.form("grant_type", "password",
                "client_id", client.clientId, "client_secret", client.clientSecret, "username", "sue",
                "password", Fixtures.PASSWORD, "scope", "read"));
        assertThat(login.status()).as(login.body()).isEqualTo(400);
        assertThat(login.json().get("error").asText()).isEqualTo("invalid_grant");
        JsonNode shown = admin.get("/api/v1/admin/accounts/" + id("sue")).json();
        assertThat(shown.get("suspended").asBoolean()).isTrue();
        assertThat(audit(id("sue"))).contains("suspend");
        // Unsuspend within 30 days restores everything.
        HttpResult undo = admin.post("/api/v1/admin/accounts/" + id("sue") + "/unsuspend");
        assertThat(undo.status()).isEqualTo(200);
        assertThat(undo.json().get("suspended").asBoolean()).isFalse();
        assertThat(viewer.get("/api/v1/statuses/" + post).status()).isEqualTo(200);
        assertThat(client.as("sue", "read").get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
    }

    @Test
    void sensitizedMediaShowAsSensitiveToOthers() {
        HttpTester sam = member("sam");
        HttpTester viewer = member("val");
        String post = sam.postJson("/api/v1/statuses", "{\"status\": \"look\"}").json().get("id").asText();
        assertThat(viewer.get("/api/v1/statuses/" + post).json().get("sensitive").asBoolean()).isFalse();
        assertThat(action(id("sam"), "{\"type\": \"sensitive\"}").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/statuses/" + post).json().get("sensitive").asBoolean()).isTrue();
        assertThat(server.http().get("/api/v1/statuses/" + post).json().get("sensitive").asBoolean()).isTrue();
        assertThat(sam.get("/api/v1/statuses/" + post).json().get("sensitive").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/admin/accounts/" + id("sam")).json().get("sensitized").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/admin/accounts?sensitized=true").body()).contains(Long.toString(id("sam")));
        HttpResult undo = admin.post("/api/v1/admin/accounts/" + id("sam") + "/unsensitive");
        assertThat(undo.json().get("sensitized").asBoolean()).isFalse();
        assertThat(viewer.get("/api/v1/statuses/" + post).json().get("sensitive").asBoolean()).isFalse();
        assertThat(audit(id("sam"))).contains("sensitive", "unsensitive");
    }

    @Test
    void disableAndEnable() {
        HttpTester dee = member("dee");
        assertThat(action(id("dee"), "{\"type\": \"disable\"}").status()).isEqualTo(200);
        HttpResult refused = dee.get("/api/v1/accounts/verify_credentials");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("Your login is currently disabled");
        assertThat(admin.get("/api/v1/admin/accounts/" + id("dee")).json().get("disabled").asBoolean()).isTrue();
        HttpResult enabled = admin.post("/api/v1/admin/accounts/" + id("dee") + "/enable");
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("disabled").asBoolean()).isFalse();
        assertThat(dee.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
        assertThat(audit(id("dee"))).contains("disable", "enable");
    }

    @Test
    void anUnknownTypeIs422AndStaffAboveOneCannotBeActedOn() {
        assertThat(action(id("kit"), "{\"type\": \"explode\"}").status()).isEqualTo(422);
        // A moderator may not suspend an admin; nobody acts on themselves.
        assertThat(moderator.postJson("/api/v1/admin/accounts/" + adminId + "/action", "{\"type\": \"suspend\"}")
                .status()).isEqualTo(403);
        assertThat(action(adminId, "{\"type\": \"silence\"}").status()).isEqualTo(403);
    }

    @Test
    void approveAndRejectPendingApplications() {
        long pen = pending("pen");
        long pat = pending("pat");
        assertThat(admin.get("/api/v1/admin/accounts?pending=true").body()).contains(Long.toString(pen));
        HttpResult approved = admin.post("/api/v1/admin/accounts/" + pen + "/approve");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approved").asBoolean()).isTrue();
        // Approving twice is not allowed, as Mastodon's policy says.
        assertThat(admin.post("/api/v1/admin/accounts/" + pen + "/approve").status()).isEqualTo(403);
        HttpResult rejected = admin.post("/api/v1/admin/accounts/" + pat + "/reject");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/admin/accounts/" + pat).status()).isEqualTo(404);
        assertThat(audit(pen)).contains("approve");
        assertThat(audit(pat)).contains("reject");
    }

    private static long pending(String name) {
        return server.app().accounts().createLocalAccount().create(new social.starling.service.account
                .NewLocalAccount(name, name + "@example.test", Fixtures.PASSWORD, Role.USER, "en", false, true,
                "let me in", "192.0.2.7", null)).id();
    }

    @Test
    void deletingIsForSuspendedAccountsAndAdmins() {
        HttpTester dora = member("dora");
        String post = dora.postJson("/api/v1/statuses", "{\"status\": \"bye\"}").json().get("id").asText();
        String path = "/api/v1/admin/accounts/" + id("dora");
        assertThat(admin.delete(path).status()).isEqualTo(403);
        action(id("dora"), "{\"type\": \"suspend\"}");
        // A moderator lacks delete_user_data.
        HttpResult mod = moderator.delete(path);
        assertThat(mod.status()).isEqualTo(403);
        assertThat(mod.json().get("error").asText()).isEqualTo("This action is not allowed");
        HttpResult deleted = admin.delete(path);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(admin.get(path).status()).isEqualTo(404);
        java.util.Optional<social.starling.model.Status> gone = server.app().core().db().read(tx -> server.app()
                .repos().statuses().find(tx, Long.parseLong(post)));
        assertThat(gone).isEmpty();
        assertThat(audit(id("dora"))).contains("destroy");
    }

    @Test
    void signUpAddressIsShownAndSearchable() {
        long ivy = pending("ivy");
        JsonNode shown = admin.get("/api/v1/admin/accounts/" + ivy).json();
        assertThat(shown.get("ip").asText()).isEqualTo("192.0.2.7");
        assertThat(shown.get("ips").get(0).get("ip").asText()).isEqualTo("192.0.2.7");
        assertThat(shown.get("invite_request").asText()).isEqualTo("let me in");
        assertThat(ids(admin.get("/api/v2/admin/accounts?ip=192.0.2.7"))).contains(Long.toString(ivy));
    }

    private static List<String> audit(long targetId) {
        return server.app().moderation().auditLog().page(null, null, targetId, null, 100).stream()
                .map(AuditEntry::action).toList();
    }
}
