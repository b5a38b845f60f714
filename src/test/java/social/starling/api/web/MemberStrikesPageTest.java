package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.WebTesting.signIn;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.AuditEntry;
import social.starling.model.Role;
import social.starling.service.account.AdminAccountService;
import social.starling.testing.Fixtures;
import social.starling.testing.TestApp;

/**
 * The member's strikes page, {@code /disputes/strikes}: a member sees the strikes against them and appeals one
 * once; the staff's appeal queue, {@code /admin/disputes/appeals} (MANAGE_APPEALS): approving overrules the strike
 * and undoes its action, rejecting leaves it; both are audited. And the about page's list of moderated servers,
 * shown here to signed-in visitors only ({@code STARLING_SHOW_DOMAIN_BLOCKS=users}).
 */
class MemberStrikesPageTest {
    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_SHOW_DOMAIN_BLOCKS", "users");

    private static WebClient as(String username, Role role) {
        server.fixtures().account(username, role);
        WebClient browser = new WebClient(server.baseUrl());
        WebClient.Page in = signIn(browser, username, Fixtures.PASSWORD);
        assertThat(in.status()).as(in.toString()).isEqualTo(302);
        return browser;
    }

    private static long strike(String username, String type, String text) {
        long adminId = server.fixtures().account("strike_admin", Role.ADMIN).id();
        long target = server.fixtures().account(username).id();
        server.app().accounts().admin().perform(adminId, target,
                new AdminAccountService.Action(type, text, null, true));
        return target;
    }

    @Test
    void visitorsSignInAndMembersAreRefusedTheQueue() {
        WebClient visitor = new WebClient(server.baseUrl());
        for (String path : new String[] {"/disputes/strikes", "/admin/disputes/appeals"}) {
            WebClient.Page page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).hasValueSatisfying(l -> assertThat(l).contains("/auth/sign_in"));
        }
        assertThat(visitor.get("/about").doc().select("footer a[href=/disputes/strikes]")).isEmpty();
        WebClient member = as("clean_member", Role.USER);
        assertThat(member.get("/about").doc().select("footer a[href=/disputes/strikes]")).as("linked for members")
                .hasSize(1);
        WebClient.Page mine = member.get("/disputes/strikes");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.text()).contains("You have no strikes.");
        assertThat(member.get("/admin/disputes/appeals").status()).isEqualTo(403);
        assertThat(member.post("/admin/disputes/appeals/1/approve", WebClient.fields("authenticity_token",
                member.cookie("_starling_csrf").orElseThrow())).status()).isEqualTo(403);
    }

    @Test
    void aMemberAppealsOnceAndApprovalUndoesTheAction() {
        long id = strike("loud_member", "silence", "Please tone it down.");
        assertThat(server.app().accounts().admin().target(id).account().silencedAt()).isNotNull();
        WebClient member = as("loud_member", Role.USER);
        WebClient.Page page = member.get("/disputes/strikes");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.doc().select("#strikes li")).hasSize(1);
        assertThat(page.text()).contains("Limited", "Please tone it down.", "not appealed");
        long strikeId = server.app().accounts().strikes().strikesOf(id).getFirst().warning().id();

        WebClient.Page blank = member.submit(page.form("/disputes/strikes/" + strikeId + "/appeal"),
                Map.of("text", " "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.doc().selectFirst("#appeal-error")).isNotNull();
        WebClient.Page sent = member.submit(page.form("/disputes/strikes/" + strikeId + "/appeal"),
                Map.of("text", "I was quoting someone."));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(302);
        page = member.get(sent.location().orElseThrow());
        assertThat(page.doc().selectFirst(".appeal-state").text()).isEqualTo("pending");
        assertThat(page.text()).contains("I was quoting someone.", "Your appeal was sent");
        assertThat(page.doc().select("form[action=/disputes/strikes/" + strikeId + "/appeal]")).isEmpty();
        WebClient.Page twice = member.post("/disputes/strikes/" + strikeId + "/appeal", WebClient.fields(
                "authenticity_token", member.cookie("_starling_csrf").orElseThrow(), "text", "again"));
        assertThat(twice.status()).as("a second appeal").isEqualTo(422);

        WebClient other = as("other_member", Role.USER);
        assertThat(other.post("/disputes/strikes/" + strikeId + "/appeal", WebClient.fields(
                "authenticity_token", other.cookie("_starling_csrf").orElseThrow(), "text", "mine?")).status())
                .as("someone else's strike").isEqualTo(404);

        WebClient mod = as("appeal_mod", Role.MODERATOR);
        WebClient.Page queue = mod.get("/admin/disputes/appeals");
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        assertThat(queue.text()).contains("loud_member", "I was quoting someone.", "Please tone it down.");
        long appealId = server.app().accounts().strikes().strikesOf(id).getFirst().appeal().orElseThrow().id();
        WebClient.Page approved = mod.submit(queue.form("/admin/disputes/appeals/" + appealId + "/approve"),
                Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(302);
        assertThat(server.app().accounts().admin().target(id).account().silencedAt()).as("unsilenced").isNull();
        assertThat(mod.get("/admin/disputes/appeals").text()).doesNotContain("I was quoting someone.");
        long modId = server.fixtures().account("appeal_mod", Role.MODERATOR).id();
        assertThat(server.app().moderation().auditLog().page(modId, "Appeal", appealId, null, 10))
                .extracting(AuditEntry::action).containsExactly("approve");
        assertThat(member.get("/disputes/strikes").doc().selectFirst(".appeal-state").text()).isEqualTo("approved");
    }

    @Test
    void aRejectedAppealLeavesTheAction() {
        long id = strike("sensitive_member", "sensitive", "");
        WebClient member = as("sensitive_member", Role.USER);
        long strikeId = server.app().accounts().strikes().strikesOf(id).getFirst().warning().id();
        WebClient.Page page = member.get("/disputes/strikes");
        assertThat(member.submit(page.form("/disputes/strikes/" + strikeId + "/appeal"),
                Map.of("text", "They are not sensitive.")).status()).isEqualTo(302);
        WebClient admin = as("strike_admin", Role.ADMIN);
        long appealId = server.app().accounts().strikes().strikesOf(id).getFirst().appeal().orElseThrow().id();
        WebClient.Page queue = admin.get("/admin/disputes/appeals");
        assertThat(admin.submit(queue.form("/admin/disputes/appeals/" + appealId + "/reject"), Map.of()).status())
                .isEqualTo(302);
        assertThat(member.get("/disputes/strikes").doc().selectFirst(".appeal-state").text()).isEqualTo("rejected");
        assertThat(server.app().accounts().admin().target(id).sensitized()).isTrue();
    }

    @Test
    void theAboutPageListsModeratedServersToSignedInVisitors() {
        long adminId = server.fixtures().account("strike_admin", Role.ADMIN).id();
        var domains = server.app().moderation().domains();
        domains.create(adminId, new social.starling.service.moderation.DomainModerationService.BlockChange(
                "awful.example", social.starling.model.DomainBlock.Severity.SUSPEND, false, false, "staff only",
                "Harassment", false));
        domains.create(adminId, new social.starling.service.moderation.DomainModerationService.BlockChange(
                "secretive.example", social.starling.model.DomainBlock.Severity.SILENCE, false, false, null, null,
                true));
        domains.create(adminId, new social.starling.service.moderation.DomainModerationService.BlockChange(
                "mediaonly.example", social.starling.model.DomainBlock.Severity.NOOP, true, false, null, null,
                false));

        WebClient visitor = new WebClient(server.baseUrl());
        for (String path : new String[] {"/about", "/"}) {
            WebClient.Page page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.doc().selectFirst("#moderated-servers")).as(path).isNull();
        }
        WebClient member = as("curious_member", Role.USER);
        WebClient.Page about = member.get("/about");
        var rows = about.doc().select("#moderated-servers-table tbody tr");
        assertThat(rows.eachText()).hasSize(2);
        assertThat(rows.get(0).text()).contains("Limited").contains("*").doesNotContain("secretive.example");
        assertThat(rows.get(1).text()).isEqualTo("awful.example Suspended Harassment");
        assertThat(about.text()).doesNotContain("mediaonly.example", "staff only");
        var api = server.http().get("/api/v1/instance/domain_blocks");
        assertThat(api.status()).as("the API agrees: users only").isEqualTo(404);
    }
}
