package social.starling.api.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.App;
import social.starling.model.Account;
import social.starling.model.AuditEntry;
import social.starling.model.Role;
import social.starling.testing.ApiClient;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * {@code /api/v1/admin/domain_blocks} and {@code /api/v1/admin/domain_allows} as Mastodon's: the entities, Link
 * paging, 422 for a duplicate or invalid domain, 403 for members and for moderators (no Manage Federation), every
 * change in the audit log; and the effect of a block on the domain's stored accounts.
 */
class AdminDomainBlocksApiTest {
    private static final String SCOPES = "read write admin:read admin:write";

    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_SHOW_DOMAIN_BLOCKS", "all");

    private static HttpTester admin;
    private static HttpTester moderator;
    private static HttpTester member;
    private static long adminId;

    @BeforeAll
    static void accounts() {
        adminId = server.fixtures().account("ada", Role.ADMIN).id();
        server.fixtures().account("mo", Role.MODERATOR);
        server.fixtures().account("mem");
        ApiClient client = ApiClient.register(server.http(), SCOPES);
        admin = client.as("ada", SCOPES);
        moderator = client.as("mo", SCOPES);
        member = client.as("mem", SCOPES);
    }

    static Account remote(App app, String username, String domain) {
        Instant now = app.core().clock().instant();
        String base = "https://" + domain + "/users/" + username;
        Account a = new Account(app.core().ids().next(), username, domain, "", "", "", List.of(), base,
                "https://" + domain + "/@" + username, base + "/inbox", null, base + "/outbox", base + "/followers",
                base + "/following", null, "Person", false, true, false, false, false, null, null, null, null, null,
                0, 0, 0, null, null, null, now, now);
        return app.core().db().inTransaction(tx -> app.accounts().writer().upsertRemote(tx, a, now));
    }

    private static Account reload(Account a) {
        return server.app().core().db().read(tx -> server.app().repos().accounts().require(tx, a.id()));
    }

    private static List<AuditEntry> audit(String type, long id) {
        return server.app().moderation().auditLog().page(null, type, id, null, 40);
    }

    @Test
    void createShowUpdateAndLiftABlock() {
        HttpResult created = admin.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"Spam.Example\", "
                + "\"severity\": \"suspend\", \"reject_media\": true, \"private_comment\": \"seen in reports\", "
                + "\"public_comment\": \"spam\", \"obfuscate\": true}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        Golden.assertMatches("admin_domain_block.json", created.body());
        JsonNode block = created.json();
        String id = block.get("id").asText();
        assertThat(block.get("domain").asText()).isEqualTo("spam.example");
        assertThat(block.get("severity").asText()).isEqualTo("suspend");

        HttpResult shown = admin.get("/api/v1/admin/domain_blocks/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("domain").asText()).isEqualTo("spam.example");

        HttpResult put = admin.putJson("/api/v1/admin/domain_blocks/" + id, "{\"severity\": \"silence\", "
                + "\"reject_media\": false}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("severity").asText()).isEqualTo("silence");
        assertThat(put.json().get("reject_media").asBoolean()).isFalse();
        assertThat(put.json().get("public_comment").asText()).isEqualTo("spam");
        HttpResult patch = admin.patchJson("/api/v1/admin/domain_blocks/" + id, "{\"public_comment\": \"bulk spam\"}");
        assertThat(patch.status()).isEqualTo(200);
        assertThat(patch.json().get("public_comment").asText()).isEqualTo("bulk spam");
        assertThat(patch.json().get("severity").asText()).isEqualTo("silence");
        assertThat(admin.putJson("/api/v1/admin/domain_blocks/" + id, "{\"severity\": \"obliterate\"}").status())
                .isEqualTo(422);

        HttpResult deleted = admin.delete("/api/v1/admin/domain_blocks/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().isEmpty()).isTrue();
        assertThat(admin.get("/api/v1/admin/domain_blocks/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/admin/domain_blocks/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/admin/domain_blocks/nope").status()).isEqualTo(404);

        assertThat(audit("DomainBlock", Long.parseLong(id))).extracting(AuditEntry::action)
                .containsExactly("destroy", "update", "update", "create");
        assertThat(audit("DomainBlock", Long.parseLong(id))).allSatisfy(e -> {
            assertThat(e.accountId()).isEqualTo(adminId);
            assertThat(e.humanIdentifier()).isEqualTo("spam.example");
        });
    }

    @Test
    void duplicatesAndInvalidDomainsAre422() {
        assertThat(admin.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"dup.example\"}").status())
                .isEqualTo(200);
        HttpResult again = admin.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"DUP.example\"}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("error").asText()).contains("taken");
        HttpResult invalid = admin.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"not a domain!\"}");
        assertThat(invalid.status()).isEqualTo(422);
        HttpResult blank = admin.postForm("/api/v1/admin/domain_blocks", HttpTester.form("severity", "noop"));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("error").asText()).isEqualTo("Validation failed: Domain can't be blank");
        // A subdomain of a blocked domain only when the new block is stricter, as Mastodon.
        assertThat(admin.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"a.dup.example\"}").status())
                .isEqualTo(422);
        assertThat(admin.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"b.dup.example\", "
                + "\"reject_media\": true}").status()).isEqualTo(200);
        assertThat(admin.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"c.dup.example\", "
                + "\"severity\": \"suspend\"}").status()).isEqualTo(200);
        // The default severity is silence, as Mastodon's.
        HttpResult dflt = admin.postForm("/api/v1/admin/domain_blocks", HttpTester.form("domain", "quiet.example"));
        assertThat(dflt.json().get("severity").asText()).isEqualTo("silence");
    }

    @Test
    void listIsPagedWithLinks() {
        for (String d : List.of("p1.example", "p2.example", "p3.example")) {
            assertThat(admin.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"" + d + "\", \"severity\": "
                    + "\"noop\"}").status()).isEqualTo(200);
        }
        HttpResult first = admin.get("/api/v1/admin/domain_blocks?limit=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).hasSize(2);
        String link = first.header("Link").orElseThrow();
        assertThat(link).contains("rel=\"next\"").contains("max_id=").contains("rel=\"prev\"");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        HttpResult second = admin.get(next.substring(next.indexOf("/api/")));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().size()).isGreaterThanOrEqualTo(1);
        assertThat(second.json().get(0).get("id").asText()).isNotEqualTo(first.json().get(1).get("id").asText());
    }

    @Test
    void onlyStaffWithManageFederation() {
        HttpResult asModerator = moderator.get("/api/v1/admin/domain_blocks");
        assertThat(asModerator.status()).isEqualTo(403);
        assertThat(asModerator.json().get("error").asText()).isEqualTo("This action is not allowed");
        assertThat(member.get("/api/v1/admin/domain_blocks").status()).isEqualTo(403);
        assertThat(moderator.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"m.example\"}").status())
                .isEqualTo(403);
        assertThat(member.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"m.example\"}").status())
                .isEqualTo(403);
        assertThat(moderator.get("/api/v1/admin/domain_blocks/1").status()).isEqualTo(403);
        assertThat(moderator.putJson("/api/v1/admin/domain_blocks/1", "{}").status()).isEqualTo(403);
        assertThat(moderator.delete("/api/v1/admin/domain_blocks/1").status()).isEqualTo(403);
        assertThat(moderator.get("/api/v1/admin/domain_allows").status()).isEqualTo(403);
        assertThat(member.get("/api/v1/admin/domain_allows").status()).isEqualTo(403);
        assertThat(moderator.postJson("/api/v1/admin/domain_allows", "{\"domain\": \"m.example\"}").status())
                .isEqualTo(403);
        assertThat(moderator.get("/api/v1/admin/domain_allows/1").status()).isEqualTo(403);
        assertThat(moderator.delete("/api/v1/admin/domain_allows/1").status()).isEqualTo(403);
        assertThat(server.http().get("/api/v1/admin/domain_blocks").status()).isEqualTo(401);
        HttpTester readOnly = ApiClient.register(server.http(), "read").as("ada", "read");
        HttpResult scope = readOnly.get("/api/v1/admin/domain_blocks");
        assertThat(scope.status()).isEqualTo(403);
        assertThat(scope.json().get("error").asText()).isEqualTo("This action is outside the authorized scopes");
        // The granular scopes do.
        HttpTester granular = ApiClient.register(server.http(), "admin:read:domain_blocks admin:read:domain_allows")
                .as("ada", "admin:read:domain_blocks admin:read:domain_allows");
        assertThat(granular.get("/api/v1/admin/domain_blocks").status()).isEqualTo(200);
        assertThat(granular.get("/api/v1/admin/domain_allows").status()).isEqualTo(200);
        assertThat(granular.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"g.example\"}").status())
                .isEqualTo(403);
    }

    @Test
    void domainAllows() {
        HttpResult created = admin.postJson("/api/v1/admin/domain_allows", "{\"domain\": \"Friends.Example\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        Golden.assertMatches("admin_domain_allow.json", created.body());
        String id = created.json().get("id").asText();
        assertThat(created.json().get("domain").asText()).isEqualTo("friends.example");
        assertThat(admin.postJson("/api/v1/admin/domain_allows", "{\"domain\": \"friends.example\"}").status())
                .isEqualTo(422);
        assertThat(admin.postJson("/api/v1/admin/domain_allows", "{\"domain\": \"a b\"}").status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/admin/domain_allows/" + id).json().get("domain").asText())
                .isEqualTo("friends.example");
        HttpResult list = admin.get("/api/v1/admin/domain_allows");
        assertThat(list.json()).extracting(n -> n.get("domain").asText()).contains("friends.example");
        assertThat(server.app().moderation().domainPolicy().allowed("sub.friends.example")).isTrue();
        assertThat(admin.delete("/api/v1/admin/domain_allows/" + id).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/admin/domain_allows/" + id).status()).isEqualTo(404);
        assertThat(server.app().moderation().domainPolicy().allowed("friends.example")).isFalse();
        assertThat(audit("DomainAllow", Long.parseLong(id))).extracting(AuditEntry::action)
                .containsExactly("destroy", "create");
    }

    @Test
    void silenceAndSuspendMarkTheDomainsAccountsAndLiftingClearsThem() {
        Account troll = remote(server.app(), "troll", "trolls.example");
        Account sub = remote(server.app(), "sub", "eu.trolls.example");
        Account already = remote(server.app(), "already", "trolls.example");
        server.app().core().db().inTransaction(tx -> {
            server.app().repos().accounts().mark(tx, already.id(), false, Instant.parse("2020-01-01T00:00:00Z"));
            return null;
        });
        String id = admin.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"trolls.example\"}").json()
                .get("id").asText();
        assertThat(reload(troll).silencedAt()).isNotNull();
        assertThat(reload(sub).silencedAt()).isNotNull();
        // An account first seen after the block is silenced too.
        Account late = remote(server.app(), "late", "trolls.example");
        assertThat(reload(late).silencedAt()).isNotNull();

        // Suspend: suspended, and a local follow of them severed.
        long mem = server.fixtures().account("mem").id();
        server.app().core().db().inTransaction(tx -> {
            server.app().repos().relationships().insertFollow(tx, new social.starling.model.Follow(
                    server.app().core().ids().next(), mem, troll.id(), true, false, List.of(), null, Instant.now()));
            return null;
        });
        assertThat(admin.putJson("/api/v1/admin/domain_blocks/" + id, "{\"severity\": \"suspend\"}").status())
                .isEqualTo(200);
        assertThat(reload(troll).suspended()).isTrue();
        assertThat(reload(troll).silencedAt()).isNull();
        assertThat(reload(already).silencedAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        boolean follows = server.app().core().db().read(tx -> server.app().repos().relationships().follows(tx, mem,
                troll.id()));
        assertThat(follows).isFalse();

        // Lifted: the marks the block set are cleared, the account silenced on its own stays silenced.
        assertThat(admin.delete("/api/v1/admin/domain_blocks/" + id).status()).isEqualTo(200);
        assertThat(reload(troll).suspended()).isFalse();
        assertThat(reload(sub).suspended()).isFalse();
        assertThat(reload(already).silencedAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(reload(already).suspended()).isFalse();
    }

    @Test
    void thePublicListShowsLimitingBlocksObfuscated() {
        admin.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"hidden-name.example\", \"severity\": "
                + "\"suspend\", \"obfuscate\": true, \"public_comment\": \"harassment\"}");
        admin.postJson("/api/v1/admin/domain_blocks", "{\"domain\": \"media-only.example\", \"severity\": \"noop\", "
                + "\"reject_media\": true}");
        HttpResult list = server.http().get("/api/v1/instance/domain_blocks");
        assertThat(list.status()).isEqualTo(200);
        JsonNode hidden = null;
        for (JsonNode n : list.json()) {
            assertThat(n.get("domain").asText()).isNotEqualTo("media-only.example");
            if (n.get("digest").asText().equals(social.starling.convert.DomainBlockApiMapper
                    .digest("hidden-name.example"))) {
                hidden = n;
            }
        }
        assertThat(hidden).isNotNull();
        Golden.assertMatches("domain_block.json", hidden.toString());
        assertThat(hidden.get("domain").asText()).isNotEqualTo("hidden-name.example").contains("*");
        assertThat(hidden.get("domain").asText()).startsWith("hidd").endsWith("mple");
        assertThat(hidden.get("severity").asText()).isEqualTo("suspend");
        assertThat(hidden.get("comment").asText()).isEqualTo("harassment");
    }
}
