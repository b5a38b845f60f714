package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.WebTesting.signIn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Role;
import social.starling.service.account.NewLocalAccount;
import social.starling.testing.Fixtures;
import social.starling.testing.TestApp;

/**
 * The staff's pages under /admin, through HTTP as a browser uses them: who gets in (visitor → sign in, member →
 * 403, a moderator lacks rules and settings), approving and rejecting applications, disabling a login, editing
 * the rules, changing the registration mode; every action shows up in the audit log and in the public API.
 */
class AdminPagesTest {
    private static final List<String> PAGES = List.of("/admin", "/admin/accounts", "/admin/rules",
            "/admin/settings/registrations", "/admin/audit_log", "/admin/reports", "/admin/domain_blocks",
            "/admin/accounts/nobody/reject", "/admin/rules/1/edit");

    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_REGISTRATIONS", "approval");

    private WebClient as(String username, Role role) {
        server.fixtures().account(username, role);
        WebClient browser = new WebClient(server.baseUrl());
        WebClient.Page in = signIn(browser, username, Fixtures.PASSWORD);
        assertThat(in.status()).as(in.toString()).isEqualTo(302);
        return browser;
    }

    private void applicant(String username) {
        server.app().accounts().createLocalAccount().create(new NewLocalAccount(username, username + "@example.test",
                Fixtures.PASSWORD, Role.USER, "en", false, true, "I would like to join.", null, null));
    }

    /** The form of the account card whose heading is {@code username}, posting to {@code .../action}. */
    private static Element accountForm(WebClient.Page page, String username, String action) {
        return page.form("/admin/accounts/" + username + "/" + action);
    }

    @Test
    void aVisitorIsSentToSignInAndComesBack() {
        WebClient browser = new WebClient(server.baseUrl());
        for (String path : PAGES) {
            WebClient.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).contains("/auth/sign_in");
        }
        browser.get("/admin/audit_log");
        server.fixtures().account("returning_admin", Role.ADMIN);
        WebClient.Page in = signIn(browser, "returning_admin", Fixtures.PASSWORD);
        assertThat(in.location()).contains("/admin/audit_log");

        WebClient.Page forged = new WebClient(server.baseUrl()).post("/admin/rules", WebClient.fields("text", "x"));
        assertThat(forged.status()).as("a POST without the CSRF token").isEqualTo(422);
    }

    @Test
    void aMemberIsRefusedEverywhere() {
        WebClient member = as("plain_member", Role.USER);
        assertThat(member.get("/about").doc().select("a[href=/admin]")).as("no admin link for members").isEmpty();
        for (String path : PAGES) {
            WebClient.Page page = member.get(path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.text()).as(path).contains("Not allowed");
        }
        applicant("hopeful_one");
        // A POST with this browser's own valid token is refused too, and changes nothing.
        String token = member.cookie("_starling_csrf").orElseThrow();
        WebClient.Page post = member.post("/admin/accounts/hopeful_one/approve",
                WebClient.fields("authenticity_token", token));
        assertThat(post.status()).isEqualTo(403);
        assertThat(server.app().accounts().admin().find("hopeful_one").user().approved()).isFalse();
        assertThat(member.post("/admin/rules", WebClient.fields("authenticity_token", token, "text", "No"))
                .status()).isEqualTo(403);
        assertThat(server.app().moderation().rules().list()).extracting(r -> r.text()).doesNotContain("No");
    }

    @Test
    void aModeratorSeesTheDashboardButNotRulesOrSettings() {
        WebClient moderator = as("the_moderator", Role.MODERATOR);
        assertThat(moderator.get("/about").doc().select(".site-header a[href=/admin]").text())
                .isEqualTo("Administration");
        WebClient.Page dashboard = moderator.get("/admin");
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        assertThat(dashboard.doc().select("h1").text()).isEqualTo("Dashboard");
        assertThat(dashboard.doc().select("nav[aria-label=Administration] a").eachText())
                .containsExactly("Dashboard", "Reports", "Accounts", "Appeals", "Audit log");
        assertThat(dashboard.doc().select("nav[aria-label=Administration] a[aria-current=page]").text())
                .isEqualTo("Dashboard");
        assertThat(moderator.get("/admin/accounts").status()).isEqualTo(200);
        assertThat(moderator.get("/admin/audit_log").status()).isEqualTo(200);
        assertThat(moderator.get("/admin/reports").doc().select("h1").text()).isEqualTo("Reports");
        assertThat(moderator.get("/admin/domain_blocks").status()).isEqualTo(403);
        assertThat(moderator.get("/admin/rules").status()).isEqualTo(403);
        assertThat(moderator.get("/admin/settings/registrations").status()).isEqualTo(403);
        String token = moderator.cookie("_starling_csrf").orElseThrow();
        assertThat(moderator.post("/admin/settings/registrations",
                WebClient.fields("authenticity_token", token, "mode", "open")).status()).isEqualTo(403);
        assertThat(server.app().accounts().registrationSettings().mode().wireName()).isEqualTo("approval");
    }

    @Test
    void theDashboardCountsPendingSignUpsAndShowsTheQueue() {
        WebClient admin = as("dash_admin", Role.ADMIN);
        int before = Integer.parseInt(admin.get("/admin").doc().selectFirst("#pending-signups").text());
        applicant("counted_applicant");
        WebClient.Page page = admin.get("/admin");
        assertThat(page.doc().selectFirst("#pending-signups").text()).isEqualTo(Integer.toString(before + 1));
        assertThat(page.doc().selectFirst("#open-reports").text()).isEqualTo("0");
        assertThat(page.doc().select("h2").eachText()).contains("Needs attention", "Job queue", "Federation health");
        assertThat(page.doc().selectFirst("#jobs-dead")).isNotNull();
        assertThat(page.text()).contains("Deliveries to every remote server are going through.");

        java.time.Instant now = java.time.Instant.now();
        server.app().core().db().inTransaction(tx -> {
            var hosts = new social.starling.db.RemoteHostRepository();
            hosts.save(tx, new social.starling.model.federation.RemoteHost("flaky.example", 3,
                    now.minusSeconds(600), now, null, null, now.minusSeconds(3600)), now);
            hosts.save(tx, new social.starling.model.federation.RemoteHost("gone.example", 40,
                    now.minusSeconds(86400 * 8), now, null, now.minusSeconds(60), null), now);
            hosts.save(tx, new social.starling.model.federation.RemoteHost("fine.example", 0, null, null, null,
                    null, now), now);
            return null;
        });
        var rows = admin.get("/admin").doc().select("#federation ~ .table-wrap tbody tr");
        assertThat(rows.eachText()).hasSize(2);
        assertThat(rows.get(0).text()).startsWith("gone.example 40").contains("Unavailable", "never");
        assertThat(rows.get(1).text()).startsWith("flaky.example 3").contains("Retrying");
    }

    @Test
    void approvingAnApplicationOnThePageIsAudited() {
        applicant("applicant_ann");
        WebClient moderator = as("approving_mod", Role.MODERATOR);
        WebClient.Page list = moderator.get("/admin/accounts?username=applicant_a");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.doc().select(".account-name").eachText()).containsExactly("applicant_ann");
        assertThat(list.text()).contains("Waiting for approval", "I would like to join.");

        WebClient.Page done = moderator.submit(accountForm(list, "applicant_ann", "approve"), Map.of());
        assertThat(done.status()).as(done.toString()).isEqualTo(302);
        WebClient.Page after = moderator.get(done.location().orElseThrow());
        assertThat(after.doc().select(".notice").text()).contains("applicant_ann was approved");
        assertThat(server.app().accounts().admin().find("applicant_ann").user().approved()).isTrue();
        assertThat(signIn(new WebClient(server.baseUrl()), "applicant_ann", Fixtures.PASSWORD).status())
                .isEqualTo(302);

        WebClient.Page log = moderator.get("/admin/audit_log");
        assertThat(log.doc().select(".audit-entry .what").eachText())
                .contains("@approving_mod approve User applicant_ann");
        assertThat(log.doc().select(".audit-entry time").first().attr("datetime")).isNotBlank();
    }

    @Test
    void rejectingDeletesTheApplicationAndPendingOnesComeFirst() {
        server.fixtures().account("settled_member");
        applicant("applicant_rex");
        WebClient admin = as("rejecting_admin", Role.ADMIN);
        WebClient.Page list = admin.get("/admin/accounts");
        List<String> names = list.doc().select(".account-name").eachText();
        assertThat(names.indexOf("applicant_rex")).isLessThan(names.indexOf("settled_member"));

        String confirmHref = list.doc().select("a[href=/admin/accounts/applicant_rex/reject]").attr("href");
        assertThat(confirmHref).as("rejecting asks first").isNotEmpty();
        WebClient.Page confirm = admin.get(confirmHref);
        assertThat(confirm.text()).contains("Reject the application of applicant_rex?", "cannot be undone");
        assertThat(WebTesting.exists(server.app(), "applicant_rex")).as("asking changes nothing").isTrue();
        WebClient.Page done = admin.submit(confirm.form("/admin/accounts/applicant_rex/reject"), Map.of());
        assertThat(done.status()).isEqualTo(302);
        assertThat(WebTesting.exists(server.app(), "applicant_rex")).isFalse();
        assertThat(admin.get("/admin/audit_log").doc().select(".audit-entry .what").eachText())
                .contains("@rejecting_admin reject User applicant_rex");
    }

    @Test
    void disablingAndEnablingALoginNeedsAHigherRole() {
        server.fixtures().account("noisy_member");
        server.fixtures().account("senior_admin", Role.ADMIN);
        WebClient moderator = as("junior_mod", Role.MODERATOR);
        WebClient.Page list = moderator.get("/admin/accounts?username=noisy");
        WebClient.Page disabled = moderator.submit(accountForm(list, "noisy_member", "disable"), Map.of());
        assertThat(disabled.status()).isEqualTo(302);
        assertThat(server.app().accounts().admin().find("noisy_member").user().disabled()).isTrue();
        WebClient.Page again = moderator.get("/admin/accounts?username=noisy");
        assertThat(again.text()).contains("Disabled");
        assertThat(moderator.submit(accountForm(again, "noisy_member", "enable"), Map.of()).status()).isEqualTo(302);
        assertThat(server.app().accounts().admin().find("noisy_member").user().disabled()).isFalse();

        // No button to disable an admin, and posting anyway is refused.
        WebClient.Page admins = moderator.get("/admin/accounts?username=senior_admin");
        assertThat(admins.doc().select("form[action=/admin/accounts/senior_admin/disable]")).isEmpty();
        String token = moderator.cookie("_starling_csrf").orElseThrow();
        assertThat(moderator.post("/admin/accounts/senior_admin/disable",
                WebClient.fields("authenticity_token", token)).status()).isEqualTo(403);
        assertThat(server.app().accounts().admin().find("senior_admin").user().disabled()).isFalse();

        List<String> log = moderator.get("/admin/audit_log").doc().select(".audit-entry .what").eachText();
        assertThat(log).contains("@junior_mod disable User noisy_member", "@junior_mod enable User noisy_member");
    }

    @Test
    void rulesAreAddedEditedMovedAndDeletedOnThePage() {
        WebClient admin = as("rules_admin", Role.ADMIN);
        WebClient.Page rules = admin.get("/admin/rules");
        assertThat(rules.status()).isEqualTo(200);

        WebClient.Page blank = admin.submit(rules.form("/admin/rules"), Map.of("text", " "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.doc().selectFirst("#rule_text-error").text()).containsIgnoringCase("can't be blank");
        assertThat(blank.doc().selectFirst("#rule_text").attr("aria-invalid")).isEqualTo("true");

        WebClient.Page added = admin.submit(rules.form("/admin/rules"),
                Map.of("text", "Be kind to each other", "hint", "No harassment."));
        assertThat(added.status()).as(added.toString()).isEqualTo(302);
        admin.submit(admin.get("/admin/rules").form("/admin/rules"), Map.of("text", "No spam"));
        JsonNode api = server.http().get("/api/v1/instance/rules").json();
        assertThat(api.findValuesAsText("text")).containsSubsequence("Be kind to each other", "No spam");
        assertThat(api.get(0).get("hint").asText()).isEqualTo("No harassment.");

        long spam = server.app().moderation().rules().list().stream().filter(r -> r.text().equals("No spam"))
                .findFirst().orElseThrow().id();
        WebClient.Page edit = admin.get("/admin/rules/" + spam + "/edit");
        assertThat(edit.doc().selectFirst("#rule_text").attr("value")).isEqualTo("No spam");
        assertThat(admin.submit(edit.form("/admin/rules/" + spam), Map.of("text", "No spam, no ads")).status())
                .isEqualTo(302);
        WebClient.Page list = admin.get("/admin/rules");
        Element up = list.doc().select("form[action=/admin/rules/" + spam + "/move]").stream()
                .filter(f -> f.select("input[name=direction][value=up]").size() == 1).findFirst().orElseThrow();
        assertThat(admin.submit(up, Map.of()).status()).isEqualTo(302);
        assertThat(server.http().get("/api/v1/instance/rules").json().findValuesAsText("text"))
                .containsExactly("No spam, no ads", "Be kind to each other");

        WebClient.Page deleted = admin.submit(admin.get("/admin/rules").form("/admin/rules/" + spam + "/delete"),
                Map.of());
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(server.http().get("/api/v1/instance/rules").json().findValuesAsText("text"))
                .containsExactly("Be kind to each other");

        assertThat(admin.get("/admin/audit_log").doc().select(".audit-entry .what").eachText()).contains(
                "@rules_admin create Rule Be kind to each other", "@rules_admin update Rule No spam, no ads",
                "@rules_admin destroy Rule No spam, no ads");
    }

    @Test
    void theRegistrationModeChangesTheInstanceEntityAndSignUp() {
        WebClient admin = as("settings_admin", Role.ADMIN);
        try {
            WebClient.Page settings = admin.get("/admin/settings/registrations");
            assertThat(settings.doc().selectFirst("input[name=mode][checked]").attr("value")).isEqualTo("approval");

            WebClient.Page saved = admin.submit(settings.form("/admin/settings/registrations"),
                    Map.of("mode", "closed"));
            assertThat(saved.status()).isEqualTo(302);
            JsonNode closed = server.http().get("/api/v2/instance").json().get("registrations");
            assertThat(closed.get("enabled").asBoolean()).isFalse();
            assertThat(closed.get("approval_required").asBoolean()).isFalse();
            assertThat(new WebClient(server.baseUrl()).get("/auth/sign_up").status()).isEqualTo(403);
            assertThat(server.http().postForm("/api/v1/accounts", Map.of()).status()).isIn(401, 403);

            WebClient.Page again = admin.get(saved.location().orElseThrow());
            assertThat(again.doc().selectFirst("input[name=mode][checked]").attr("value")).isEqualTo("closed");
            assertThat(again.text()).contains("The registration mode was saved.");
            admin.submit(again.form("/admin/settings/registrations"), Map.of("mode", "open"));
            JsonNode open = server.http().get("/api/v2/instance").json().get("registrations");
            assertThat(open.get("enabled").asBoolean()).isTrue();
            assertThat(open.get("approval_required").asBoolean()).isFalse();
            assertThat(new WebClient(server.baseUrl()).get("/auth/sign_up").status()).isEqualTo(200);

            assertThat(admin.get("/admin/audit_log").doc().select(".audit-entry .what").eachText()).contains(
                    "@settings_admin update Setting registrations_mode: approval → closed",
                    "@settings_admin update Setting registrations_mode: closed → open");
        } finally {
            admin.submit(admin.get("/admin/settings/registrations").form("/admin/settings/registrations"),
                    Map.of("mode", "approval"));
        }
        JsonNode approval = server.http().get("/api/v2/instance").json().get("registrations");
        assertThat(approval.get("enabled").asBoolean()).isTrue();
        assertThat(approval.get("approval_required").asBoolean()).isTrue();
    }

    @Test
    void theAuditLogPagesToOlderEntries() {
        WebClient admin = as("paging_admin", Role.ADMIN);
        long actor = server.fixtures().account("paging_admin", Role.ADMIN).id();
        for (int i = 0; i < AdminAuditLogHandler.PAGE + 1; i++) {
            server.fixtures().account("paged_" + i);
            server.app().accounts().admin().confirm(actor, "paged_" + i);
        }
        WebClient.Page first = admin.get("/admin/audit_log");
        assertThat(first.doc().select(".audit-entry")).hasSize(AdminAuditLogHandler.PAGE);
        assertThat(first.doc().select(".audit-entry .what").first().text())
                .isEqualTo("@paging_admin confirm User paged_" + AdminAuditLogHandler.PAGE);
        String older = first.doc().select("a:contains(Older entries)").attr("href");
        assertThat(older).startsWith("/admin/audit_log?max_id=");
        WebClient.Page second = admin.get(older);
        assertThat(second.doc().select(".audit-entry .what").eachText()).contains("@paging_admin confirm User paged_0");
        assertThat(second.doc().select(".audit-entry .what").eachText())
                .doesNotContain("@paging_admin confirm User paged_" + AdminAuditLogHandler.PAGE);
    }
}
