package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.WebTesting.signIn;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.AuditEntry;
import social.starling.model.Role;
import social.starling.testing.ApiClient;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The staff's moderation pages under /admin, through HTTP as a browser uses them: the report queue and one report
 * with its queue and account actions, the domain blocks with their CSV import and export, and the notes and strikes
 * on an account. Who gets in: a visitor is sent to sign in, a member gets 403, a moderator gets 403 on domain blocks.
 */
class AdminModerationPagesTest {
    private static final String SCOPES = "read write follow admin:read admin:write";
    private static final List<String> STAFF_PAGES = List.of("/admin/reports", "/admin/reports/1",
            "/admin/domain_blocks", "/admin/domain_blocks/1/edit", "/admin/domain_blocks/export.csv",
            "/admin/accounts/tattler");

    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_REGISTRATIONS", "open");

    private static ApiClient client;
    private static HttpTester reporter;
    private static long modId;

    @BeforeAll
    static void accounts() {
        server.fixtures().account("tattler");
        modId = server.fixtures().account("page_mod", Role.MODERATOR).id();
        server.fixtures().account("page_admin", Role.ADMIN);
        client = ApiClient.register(server.http(), SCOPES);
        reporter = client.as("tattler", SCOPES);
    }

    private static WebClient as(String username, Role role) {
        server.fixtures().account(username, role);
        WebClient browser = new WebClient(server.baseUrl());
        WebClient.Page in = signIn(browser, username, Fixtures.PASSWORD);
        assertThat(in.status()).as(in.toString()).isEqualTo(302);
        return browser;
    }

    /** A new member reported by tattler with one of their posts and a comment; the report's id. */
    private static long report(String target, String comment) {
        long targetId = server.fixtures().account(target).id();
        String post = client.as(target, SCOPES).postJson("/api/v1/statuses",
                "{\"status\": \"cheap pills here\", \"visibility\": \"public\"}").json().get("id").asText();
        HttpResult r = reporter.postJson("/api/v1/reports", "{\"account_id\": \"" + targetId
                + "\", \"status_ids\": [\"" + post + "\"], \"comment\": \"" + comment + "\", \"category\": \"spam\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return Long.parseLong(r.json().get("id").asText());
    }

    private static List<String> openReportLinks(WebClient browser) {
        WebClient.Page list = browser.get("/admin/reports");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.doc().select(".admin-list a").eachAttr("href");
    }

    @Test
    void aVisitorIsSentToSignInAndAMemberIsRefused() {
        WebClient visitor = new WebClient(server.baseUrl());
        for (String path : STAFF_PAGES) {
            WebClient.Page page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).hasValueSatisfying(l -> assertThat(l).contains("/auth/sign_in"));
        }
        WebClient member = as("nosy_member", Role.USER);
        for (String path : STAFF_PAGES) {
            assertThat(member.get(path).status()).as(path).isEqualTo(403);
        }
        long id = report("member_target", "nope");
        String token = member.cookie("_starling_csrf").orElseThrow();
        assertThat(member.post("/admin/reports/" + id + "/resolve", WebClient.fields("authenticity_token", token))
                .status()).isEqualTo(403);
        assertThat(member.post("/admin/reports/" + id + "/action", WebClient.fields("authenticity_token", token,
                "type", "suspend")).status()).isEqualTo(403);
        assertThat(server.app().accounts().admin().target(server.fixtures().account("member_target").id())
                .account().suspended()).isFalse();
    }

    @Test
    void resolvingAReportFromItsPageIsAuditedAndTakesItOffTheOpenList() {
        long id = report("spammy_one", "sells pills");
        WebClient mod = as("page_mod", Role.MODERATOR);
        assertThat(openReportLinks(mod)).contains("/admin/reports/" + id);
        WebClient.Page list = mod.get("/admin/reports");
        assertThat(list.text()).contains("spammy_one", "tattler", "spam", "sells pills");

        WebClient.Page page = mod.get("/admin/reports/" + id);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.text()).contains("sells pills", "cheap pills here", "spammy_one");
        assertThat(page.doc().selectFirst("#report-state").text()).isEqualTo("Open");

        WebClient.Page assigned = mod.submit(page.form("/admin/reports/" + id + "/assign_to_self"), Map.of());
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(302);
        page = mod.get("/admin/reports/" + id);
        assertThat(page.doc().selectFirst("#report-assigned").text()).isEqualTo("page_mod");

        WebClient.Page resolved = mod.submit(page.form("/admin/reports/" + id + "/resolve"), Map.of());
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(302);
        page = mod.get(resolved.location().orElseThrow());
        assertThat(page.doc().selectFirst("#report-state").text()).isEqualTo("Resolved");
        assertThat(page.text()).contains("The report was resolved.");
        assertThat(openReportLinks(mod)).doesNotContain("/admin/reports/" + id);
        assertThat(mod.get("/admin/reports?resolved=1").doc().select(".admin-list a").eachAttr("href"))
                .contains("/admin/reports/" + id);

        List<AuditEntry> log = server.app().moderation().auditLog().page(modId, "Report", id, null, 10);
        assertThat(log).extracting(AuditEntry::action).containsExactly("resolve", "assigned_to_self");

        page.form("/admin/reports/" + id + "/reopen");
        assertThat(mod.post("/admin/reports/" + id + "/resolve", WebClient.fields("text", "x")).status())
                .as("no CSRF token").isEqualTo(422);
    }

    @Test
    void suspendingFromAReportSuspendsTheAccountAndResolvesTheReport() {
        long id = report("really_bad", "awful");
        long targetId = server.fixtures().account("really_bad").id();
        WebClient mod = as("page_mod", Role.MODERATOR);
        WebClient.Page page = mod.get("/admin/reports/" + id);
        WebClient.Page done = mod.submit(page.form("/admin/reports/" + id + "/action"),
                Map.of("type", "suspend", "text", "Spam is not welcome."));
        assertThat(done.status()).as(done.toString()).isEqualTo(302);

        HttpResult account = server.http().get("/api/v1/accounts/" + targetId);
        assertThat(account.status()).as(account.body()).isEqualTo(200);
        assertThat(account.json().path("suspended").asBoolean()).as(account.body()).isTrue();
        assertThat(openReportLinks(mod)).doesNotContain("/admin/reports/" + id);
        assertThat(mod.get("/admin/reports/" + id).doc().selectFirst("#report-state").text()).isEqualTo("Resolved");

        var strikes = server.app().accounts().strikes().strikesOf(targetId);
        assertThat(strikes).hasSize(1);
        assertThat(strikes.getFirst().warning().action()).isEqualTo("suspend");
        assertThat(strikes.getFirst().warning().reportId()).isEqualTo(id);
        assertThat(strikes.getFirst().warning().text()).isEqualTo("Spam is not welcome.");
        assertThat(server.app().moderation().auditLog().page(modId, "Account", targetId, null, 10))
                .extracting(AuditEntry::action).containsExactly("suspend");
        assertThat(server.app().moderation().auditLog().page(modId, "Report", id, null, 10))
                .extracting(AuditEntry::action).containsExactly("resolve");
    }

    private static List<String> apiDomains(HttpTester admin) {
        HttpResult r = admin.get("/api/v1/admin/domain_blocks?limit=200");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new java.util.ArrayList<>();
        r.json().forEach(n -> out.add(n.get("domain").asText()));
        return out;
    }

    @Test
    void aModeratorIsRefusedTheDomainBlocks() {
        WebClient mod = as("page_mod", Role.MODERATOR);
        assertThat(mod.get("/admin/domain_blocks").status()).isEqualTo(403);
        assertThat(mod.get("/admin/domain_blocks/export.csv").status()).isEqualTo(403);
        String token = mod.cookie("_starling_csrf").orElseThrow();
        assertThat(mod.post("/admin/domain_blocks", WebClient.fields("authenticity_token", token,
                "domain", "modblock.example", "severity", "suspend")).status()).isEqualTo(403);
        assertThat(server.app().moderation().domains().blockByDomain("modblock.example")).isEmpty();
        assertThat(mod.get("/admin").doc().select("nav[aria-label=Administration] a").eachText())
                .doesNotContain("Domain blocks");
        assertThat(mod.get("/about").doc().selectFirst("#moderated-servers"))
                .as("STARLING_SHOW_DOMAIN_BLOCKS is disabled by default").isNull();
    }

    @Test
    void addingEditingAndRemovingABlockOnThePage() {
        WebClient admin = as("page_admin", Role.ADMIN);
        HttpTester api = client.as("page_admin", SCOPES);
        WebClient.Page page = admin.get("/admin/domain_blocks");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        WebClient.Page added = admin.submit(page.form("/admin/domain_blocks"), Map.of("domain", "Spam.Example",
                "severity", "suspend", "reject_reports", "1", "public_comment", "Spam factory",
                "private_comment", "seen on 3 reports"));
        assertThat(added.status()).as(added.toString()).isEqualTo(302);
        assertThat(apiDomains(api)).contains("spam.example");
        page = admin.get(added.location().orElseThrow());
        assertThat(page.text()).contains("spam.example is blocked now.", "Spam factory", "seen on 3 reports");
        var block = server.app().moderation().domains().blockByDomain("spam.example").orElseThrow();
        assertThat(block.severity().wireName()).isEqualTo("suspend");
        assertThat(block.rejectReports()).isTrue();
        assertThat(block.rejectMedia()).isFalse();

        WebClient.Page again = admin.submit(page.form("/admin/domain_blocks"), Map.of("domain", "spam.example"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.doc().selectFirst("#block-error").text()).contains("already been taken");

        WebClient.Page edit = admin.get("/admin/domain_blocks/" + block.id() + "/edit");
        assertThat(edit.status()).as(edit.toString()).isEqualTo(200);
        assertThat(edit.doc().selectFirst("#severity_suspend").hasAttr("checked")).isTrue();
        WebClient.Page saved = admin.submit(edit.form("/admin/domain_blocks/" + block.id()),
                Map.of("severity", "silence", "obfuscate", "1"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        block = server.app().moderation().domains().block(block.id());
        assertThat(block.severity().wireName()).isEqualTo("silence");
        assertThat(block.obfuscate()).isTrue();
        assertThat(block.rejectReports()).as("kept by the form").isTrue();
        assertThat(block.publicComment()).isEqualTo("Spam factory");

        WebClient.Page csv = admin.get("/admin/domain_blocks/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("#domain,#severity").contains("spam.example,silence,false,true,");

        page = admin.get("/admin/domain_blocks");
        WebClient.Page removed = admin.submit(page.form("/admin/domain_blocks/" + block.id() + "/delete"), Map.of());
        assertThat(removed.status()).isEqualTo(302);
        assertThat(apiDomains(api)).doesNotContain("spam.example");
        long actor = server.fixtures().account("page_admin").id();
        assertThat(server.app().moderation().auditLog().page(actor, "DomainBlock", block.id(), null, 10))
                .extracting(AuditEntry::action).containsExactly("destroy", "update", "create");
    }

    @Test
    void aCsvImportTakesTheGoodLinesAndShowsTheBadOne() {
        WebClient admin = as("page_admin", Role.ADMIN);
        HttpTester api = client.as("page_admin", SCOPES);
        WebClient.Page page = admin.get("/admin/domain_blocks");
        String pasted = "#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate\n"
                + "one.example,suspend,false,false,bad actors,false\n"
                + "two.example,silence,true,false,,true\n"
                + "three.example,explode,false,false,,false\n"
                + "four.example,noop,true,true,,false\n";
        WebClient.Page result = admin.submit(page.form("/admin/domain_blocks/import"), Map.of("csv", pasted));
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.doc().selectFirst("#import-result").text()).contains("Imported 3 blocks.");
        var refused = result.doc().select("#refused-lines li");
        assertThat(refused).hasSize(1);
        assertThat(refused.text()).contains("Line 4", "three.example,explode");
        assertThat(apiDomains(api)).contains("one.example", "two.example", "four.example")
                .doesNotContain("three.example");

        String token = admin.cookie("_starling_csrf").orElseThrow();
        WebClient.Page uploaded = admin.postMultipart("/admin/domain_blocks/import",
                Map.of("authenticity_token", token), "file", "blocks.csv", "five.example,suspend\nnot a domain!,x\n");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        assertThat(uploaded.doc().selectFirst("#import-result").text()).contains("Imported 1 block.");
        assertThat(uploaded.doc().select("#refused-lines li").text()).contains("Line 2", "not a domain!");
        assertThat(apiDomains(api)).contains("five.example");

        assertThat(admin.postMultipart("/admin/domain_blocks/import", Map.of(), "file", "b.csv", "six.example")
                .status()).as("no CSRF token").isEqualTo(422);
        assertThat(apiDomains(api)).doesNotContain("six.example");
    }

    @Test
    void notesAndStrikesOnAnAccountPage() {
        long targetId = server.fixtures().account("noted_one").id();
        long adminId = server.fixtures().account("page_admin", Role.ADMIN).id();
        server.app().accounts().admin().perform(adminId, targetId,
                new social.starling.service.account.AdminAccountService.Action("silence", "Too loud.", null, false));
        WebClient mod = as("page_mod", Role.MODERATOR);
        WebClient.Page list = mod.get("/admin/accounts?username=noted_one");
        assertThat(list.doc().select("a[href=/admin/accounts/noted_one]")).isNotEmpty();
        WebClient.Page page = mod.get("/admin/accounts/noted_one");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.doc().selectFirst("#strike-list").text()).contains("Limited", "Too loud.");
        assertThat(page.text()).contains("No notes yet.");

        WebClient.Page empty = mod.submit(page.form("/admin/accounts/noted_one/notes"), Map.of("content", "  "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.doc().selectFirst("#note-error")).isNotNull();
        WebClient.Page added = mod.submit(page.form("/admin/accounts/noted_one/notes"),
                Map.of("content", "Keeps posting ads."));
        assertThat(added.status()).as(added.toString()).isEqualTo(302);
        page = mod.get("/admin/accounts/noted_one");
        assertThat(page.doc().selectFirst("#note-list").text()).contains("Keeps posting ads.", "page_mod");
        assertThat(server.app().accounts().strikes().notesOn(targetId)).hasSize(1);

        // Another staff member sees the note but may not delete it.
        WebClient admin = as("page_admin", Role.ADMIN);
        WebClient.Page seen = admin.get("/admin/accounts/noted_one");
        assertThat(seen.doc().selectFirst("#note-list").text()).contains("Keeps posting ads.");
        assertThat(seen.doc().select("#note-list form")).isEmpty();
        long noteId = server.app().accounts().strikes().notesOn(targetId).getFirst().id();
        assertThat(admin.post("/admin/accounts/noted_one/notes/" + noteId + "/delete", WebClient.fields(
                "authenticity_token", admin.cookie("_starling_csrf").orElseThrow())).status()).isEqualTo(404);

        WebClient.Page deleted = mod.submit(page.form("/admin/accounts/noted_one/notes/" + noteId + "/delete"),
                Map.of());
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(server.app().accounts().strikes().notesOn(targetId)).isEmpty();
        assertThat(mod.get("/admin/accounts/nobody_here").status()).isEqualTo(404);
    }
}
