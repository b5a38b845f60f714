package social.starling.api.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.AuditEntry;
import social.starling.model.Role;
import social.starling.model.User;
import social.starling.service.moderation.CanonicalEmail;
import social.starling.testing.ApiClient;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.MutableClock;
import social.starling.testing.TestApp;

/**
 * The sign-up blocks as Mastodon's admin API serves them (e-mail domain blocks, IP blocks, canonical e-mail blocks:
 * Manage Blocks, which a moderator lacks) and as sign-up obeys them. The test server sees every request from
 * 127.0.0.1 (it trusts no proxy header), so the IP tests block ranges around it.
 */
class SignupBlocksApiTest {
    static final MutableClock clock = MutableClock.startingNow();

    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_REGISTRATIONS", "open")
            .with("STARLING_SIGNUPS_PER_IP_PER_HOUR", "1000").withClock(clock);

    private static HttpTester admin;
    private static HttpTester moderator;
    private static HttpTester member;
    private static HttpTester signUp;
    private static long adminId;

    @BeforeAll
    static void accounts() {
        adminId = server.fixtures().account("ada", Role.ADMIN).id();
        server.fixtures().account("mo", Role.MODERATOR);
        server.fixtures().account("mel");
        ApiClient client = ApiClient.register(server.http(), "read write admin:read admin:write");
        admin = client.as("ada", "read write admin:read admin:write");
        moderator = client.as("mo", "read write admin:read admin:write");
        member = client.as("mel", "read write admin:read admin:write");
        ApiClient app = ApiClient.register(server.http(), "read write follow");
        signUp = server.http().withToken(app.appToken("read write follow"));
    }

    static HttpResult register(String username, String email) {
        return signUp.postJson("/api/v1/accounts", """
                {"username": "%s", "email": "%s", "password": "a good long password", "agreement": true,
                 "locale": "en"}""".formatted(username, email));
    }

    static void assertEmailRefused(HttpResult r, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("details").get("email").get(0).get("error").asText()).isEqualTo(code);
    }

    static List<AuditEntry> audit(String targetType, long targetId) {
        return server.app().moderation().auditLog().page(null, targetType, targetId, null, 10);
    }

    // --- permissions

    @Test
    void everyEndpointIsForStaffWithManageBlocks() {
        List<String[]> calls = List.of(
                new String[] {"GET", "/api/v1/admin/email_domain_blocks"},
                new String[] {"GET", "/api/v1/admin/email_domain_blocks/1"},
                new String[] {"POST", "/api/v1/admin/email_domain_blocks"},
                new String[] {"DELETE", "/api/v1/admin/email_domain_blocks/1"},
                new String[] {"GET", "/api/v1/admin/ip_blocks"},
                new String[] {"GET", "/api/v1/admin/ip_blocks/1"},
                new String[] {"POST", "/api/v1/admin/ip_blocks"},
                new String[] {"PUT", "/api/v1/admin/ip_blocks/1"},
                new String[] {"PATCH", "/api/v1/admin/ip_blocks/1"},
                new String[] {"DELETE", "/api/v1/admin/ip_blocks/1"},
                new String[] {"GET", "/api/v1/admin/canonical_email_blocks"},
                new String[] {"GET", "/api/v1/admin/canonical_email_blocks/1"},
                new String[] {"POST", "/api/v1/admin/canonical_email_blocks"},
                new String[] {"POST", "/api/v1/admin/canonical_email_blocks/test"},
                new String[] {"DELETE", "/api/v1/admin/canonical_email_blocks/1"});
        for (String[] call : calls) {
            for (HttpTester who : List.of(member, moderator)) {
                HttpResult r = who.send(call[0], call[1], java.util.Map.of("Content-Type", "application/json"),
                        "{\"domain\": \"x.test\", \"ip\": \"10.9.9.9\", \"severity\": \"no_access\", "
                                + "\"email\": \"x@x.test\"}");
                assertThat(r.status()).as(call[0] + " " + call[1] + " " + r.body()).isEqualTo(403);
                assertThat(r.json().get("error").asText()).isEqualTo("This action is not allowed");
            }
            HttpResult anonymous = server.http().send(call[0], call[1], java.util.Map.of(), null);
            assertThat(anonymous.status()).as(call[0] + " " + call[1]).isEqualTo(401);
        }
        HttpResult noScope = ApiClient.register(server.http(), "read write").as("ada", "read write")
                .get("/api/v1/admin/ip_blocks");
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.json().get("error").asText()).isEqualTo("This action is outside the authorized scopes");
    }

    // --- e-mail domain blocks

    @Test
    void anEmailDomainBlockRefusesTheDomainAndItsSubdomains() {
        HttpResult created = admin.postJson("/api/v1/admin/email_domain_blocks", "{\"domain\": \"Spam.Test\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode block = created.json();
        assertThat(block.get("domain").asText()).isEqualTo("spam.test");
        // History days are the last seven midnights (UTC) as UNIX timestamps: the test's date is not the golden's.
        Golden.assertMatches("admin_email_domain_block.json",
                created.body().replaceAll("\"day\":\"\\d+\"", "\"day\":\"<day>\""));
        long id = block.get("id").asLong();
        assertThat(audit("EmailDomainBlock", id)).extracting(AuditEntry::action).containsExactly("create");

        assertEmailRefused(register("spammer", "someone@spam.test"), "ERR_BLOCKED");
        assertEmailRefused(register("spammer", "someone@mail.SPAM.test"), "ERR_BLOCKED");
        assertThat(register("notspam", "someone@notspam.test").status()).isEqualTo(200);

        JsonNode shown = admin.get("/api/v1/admin/email_domain_blocks/" + id).json();
        assertThat(shown.get("history")).hasSize(7);
        JsonNode today = shown.get("history").get(0);
        assertThat(today.get("day").asLong())
                .isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS).getEpochSecond());
        assertThat(today.get("uses").asText()).isEqualTo("2");
        assertThat(today.get("accounts").asText()).isEqualTo("1");

        assertThat(admin.postJson("/api/v1/admin/email_domain_blocks", "{\"domain\": \"spam.test\"}").status())
                .isEqualTo(422);
        HttpResult bad = admin.postJson("/api/v1/admin/email_domain_blocks", "{\"domain\": \"not a domain\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(admin.postJson("/api/v1/admin/email_domain_blocks", "{}").json().get("error").asText())
                .isEqualTo("Validation failed: Domain can't be blank");

        HttpResult deleted = admin.delete("/api/v1/admin/email_domain_blocks/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{}");
        assertThat(admin.get("/api/v1/admin/email_domain_blocks/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/admin/email_domain_blocks/" + id).status()).isEqualTo(404);
        assertThat(audit("EmailDomainBlock", id)).extracting(AuditEntry::action).containsExactly("destroy", "create");
        assertThat(register("spammer", "someone@spam.test").status()).isEqualTo(200);
    }

    @Test
    void emailDomainBlocksArePagedWithLinks() {
        for (String d : List.of("page-a.test", "page-b.test", "page-c.test")) {
            assertThat(admin.postJson("/api/v1/admin/email_domain_blocks", "{\"domain\": \"" + d + "\"}").status())
                    .isEqualTo(200);
        }
        HttpResult first = admin.get("/api/v1/admin/email_domain_blocks?limit=2");
        assertThat(first.json()).hasSize(2);
        assertThat(first.json().get(0).get("domain").asText()).isEqualTo("page-c.test");
        String link = first.header("Link").orElseThrow();
        assertThat(link).contains("rel=\"next\"").contains("rel=\"prev\"");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        HttpResult second = admin.get(next.substring(next.indexOf("/api/")));
        assertThat(second.json().get(0).get("domain").asText()).isEqualTo("page-a.test");
        for (JsonNode b : admin.get("/api/v1/admin/email_domain_blocks").json()) {
            if (b.get("domain").asText().startsWith("page-")) {
                admin.delete("/api/v1/admin/email_domain_blocks/" + b.get("id").asText());
            }
        }
    }

    // --- canonical e-mail blocks

    @Test
    void aCanonicalBlockRefusesTheAddressHoweverItIsWritten() {
        HttpResult created = admin.postJson("/api/v1/admin/canonical_email_blocks",
                "{\"email\": \"troll@example.net\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        Golden.assertMatches("admin_canonical_email_block.json", created.body());
        String hash = created.json().get("canonical_email_hash").asText();
        assertThat(hash).isEqualTo(CanonicalEmail.hash("troll@example.net")).hasSize(64);
        long id = created.json().get("id").asLong();
        assertThat(audit("CanonicalEmailBlock", id)).extracting(AuditEntry::action).containsExactly("create");

        // Mastodon answers "taken" for a canonically blocked address.
        assertEmailRefused(register("troll1", "T.R.O.L.L+again@Example.NET"), "ERR_TAKEN");
        assertEmailRefused(register("troll2", "troll+x@example.net"), "ERR_TAKEN");
        assertThat(register("nottroll", "troll@example.org").status()).isEqualTo(200);

        HttpResult test = admin.postJson("/api/v1/admin/canonical_email_blocks/test",
                "{\"email\": \"Tr.oll+y@example.net\"}");
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.json()).hasSize(1);
        assertThat(test.json().get(0).get("id").asLong()).isEqualTo(id);
        assertThat(admin.postJson("/api/v1/admin/canonical_email_blocks/test", "{\"email\": \"other@example.net\"}")
                .json()).isEmpty();

        assertThat(admin.get("/api/v1/admin/canonical_email_blocks/" + id).json().get("canonical_email_hash")
                .asText()).isEqualTo(hash);
        assertThat(admin.get("/api/v1/admin/canonical_email_blocks").json()).extracting(n -> n.get("id").asLong())
                .contains(id);
        HttpResult duplicate = admin.postJson("/api/v1/admin/canonical_email_blocks",
                "{\"canonical_email_hash\": \"" + hash + "\"}");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().get("error").asText())
                .isEqualTo("Validation failed: Canonical email hash has already been taken");
        assertThat(admin.postJson("/api/v1/admin/canonical_email_blocks", "{}").status()).isEqualTo(422);

        assertThat(admin.delete("/api/v1/admin/canonical_email_blocks/" + id).body()).isEqualTo("{}");
        assertThat(admin.get("/api/v1/admin/canonical_email_blocks/" + id).status()).isEqualTo(404);
        assertThat(audit("CanonicalEmailBlock", id)).extracting(AuditEntry::action)
                .containsExactly("destroy", "create");
        assertThat(register("troll1", "T.R.O.L.L+again@Example.NET").status()).isEqualTo(200);
    }

    @Test
    void aCanonicalBlockCanBeGivenAsAHash() {
        String hash = CanonicalEmail.hash("hashed@example.net");
        HttpResult created = admin.postJson("/api/v1/admin/canonical_email_blocks",
                "{\"canonical_email_hash\": \"" + hash + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertEmailRefused(register("hashed", "hashed@example.net"), "ERR_TAKEN");
        admin.delete("/api/v1/admin/canonical_email_blocks/" + created.json().get("id").asText());
    }

    // --- IP blocks

    @Test
    void ipBlocksAreCreatedShownUpdatedAndDeleted() {
        HttpResult created = admin.postJson("/api/v1/admin/ip_blocks",
                "{\"ip\": \"192.0.2.7/24\", \"severity\": \"sign_up_block\", \"comment\": \"spam wave\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode block = created.json();
        Golden.assertMatches("admin_ip_block.json", created.body());
        assertThat(block.get("ip").asText()).isEqualTo("192.0.2.0/24");
        assertThat(block.get("expires_at").isNull()).isTrue();
        long id = block.get("id").asLong();

        HttpResult duplicate = admin.postJson("/api/v1/admin/ip_blocks",
                "{\"ip\": \"192.0.2.0/24\", \"severity\": \"no_access\"}");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().get("error").asText()).isEqualTo("Validation failed: Ip has already been taken");
        assertThat(admin.postJson("/api/v1/admin/ip_blocks", "{\"ip\": \"300.1.1.1/8\", \"severity\": \"no_access\"}")
                .status()).isEqualTo(422);
        assertThat(admin.postJson("/api/v1/admin/ip_blocks", "{\"ip\": \"10.0.0.0/33\", \"severity\": \"no_access\"}")
                .status()).isEqualTo(422);
        HttpResult noSeverity = admin.postJson("/api/v1/admin/ip_blocks", "{\"ip\": \"10.1.0.0/16\"}");
        assertThat(noSeverity.status()).isEqualTo(422);
        assertThat(noSeverity.json().get("error").asText()).isEqualTo("Validation failed: Severity can't be blank");
        assertThat(admin.postJson("/api/v1/admin/ip_blocks", "{\"ip\": \"10.1.0.0/16\", \"severity\": \"mild\"}")
                .status()).isEqualTo(422);

        HttpResult updated = admin.putJson("/api/v1/admin/ip_blocks/" + id,
                "{\"severity\": \"sign_up_requires_approval\", \"expires_in\": 3600}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("severity").asText()).isEqualTo("sign_up_requires_approval");
        assertThat(updated.json().get("comment").asText()).isEqualTo("spam wave");
        assertThat(updated.json().get("ip").asText()).isEqualTo("192.0.2.0/24");
        assertThat(Instant.parse(updated.json().get("expires_at").asText()))
                .isCloseTo(clock.instant().plusSeconds(3600), org.assertj.core.api.Assertions.within(
                        Duration.ofSeconds(2)));
        HttpResult patched = admin.patchJson("/api/v1/admin/ip_blocks/" + id,
                "{\"ip\": \"2001:db8::/32\", \"expires_in\": null}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("ip").asText()).isEqualTo("2001:db8:0:0:0:0:0:0/32");
        assertThat(patched.json().get("expires_at").isNull()).isTrue();
        assertThat(admin.get("/api/v1/admin/ip_blocks/" + id).json().get("ip").asText())
                .isEqualTo("2001:db8:0:0:0:0:0:0/32");
        assertThat(admin.get("/api/v1/admin/ip_blocks").json()).extracting(n -> n.get("id").asLong()).contains(id);
        assertThat(admin.putJson("/api/v1/admin/ip_blocks/1", "{}").status()).isEqualTo(404);

        assertThat(admin.delete("/api/v1/admin/ip_blocks/" + id).body()).isEqualTo("{}");
        assertThat(admin.get("/api/v1/admin/ip_blocks/" + id).status()).isEqualTo(404);
        assertThat(audit("IpBlock", id)).extracting(AuditEntry::action)
                .containsExactly("destroy", "update", "update", "create");
        assertThat(audit("IpBlock", id).getLast().accountId()).isEqualTo(adminId);
    }

    @Test
    void aSignUpBlockRefusesSignUpsFromTheRange() {
        long id = admin.postJson("/api/v1/admin/ip_blocks", "{\"ip\": \"127.0.0.0/8\", \"severity\": \"sign_up_block\"}")
                .json().get("id").asLong();
        try {
            HttpResult r = register("fromblocked", "fromblocked@example.test");
            assertThat(r.status()).as(r.body()).isEqualTo(403);
        } finally {
            admin.delete("/api/v1/admin/ip_blocks/" + id);
        }
        assertThat(register("fromblocked", "fromblocked@example.test").status()).isEqualTo(200);
    }

    @Test
    void aRequiresApprovalBlockLeavesTheAccountPendingOnAnOpenServer() {
        long id = admin.postJson("/api/v1/admin/ip_blocks",
                "{\"ip\": \"127.0.0.1\", \"severity\": \"sign_up_requires_approval\"}").json().get("id").asLong();
        try {
            HttpResult r = register("pendingone", "pendingone@example.test");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(user("pendingone").approved()).isFalse();
        } finally {
            admin.delete("/api/v1/admin/ip_blocks/" + id);
        }
        assertThat(register("approvedone", "approvedone@example.test").status()).isEqualTo(200);
        assertThat(user("approvedone").approved()).isTrue();
    }

    @Test
    void noAccessRefusesEveryRequestFromTheRange() {
        long id = admin.postJson("/api/v1/admin/ip_blocks", "{\"ip\": \"127.0.0.1/32\", \"severity\": \"no_access\"}")
                .json().get("id").asLong();
        try {
            HttpResult r = server.http().get("/api/v1/instance");
            assertThat(r.status()).isEqualTo(403);
            assertThat(admin.get("/api/v1/admin/ip_blocks").status()).isEqualTo(403);
            var socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                    java.net.URI.create(server.baseUrl().replace("http", "ws") + "/api/v1/streaming?stream=public"),
                    new java.net.http.WebSocket.Listener() { });
            // Without the block the upgrade is a 401 (no token); the block answers it 403 first.
            assertThat(socket).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                    .havingRootCause().withMessageContaining("status code 403");
        } finally {
            // The admin API is out of reach from here too, as it would be on Mastodon: lift it from the service.
            server.app().moderation().signupBlocks().unblockIp(adminId, id);
        }
        assertThat(server.http().get("/api/v1/instance").status()).isEqualTo(200);
    }

    @Test
    void anExpiredBlockNoLongerAppliesAndIsPurged() {
        long signUpBlock = admin.postJson("/api/v1/admin/ip_blocks",
                "{\"ip\": \"127.0.0.0/16\", \"severity\": \"sign_up_block\", \"expires_in\": 60}")
                .json().get("id").asLong();
        // The last request this test can make until the block expires: it refuses the test's own address.
        long id = admin.postJson("/api/v1/admin/ip_blocks",
                "{\"ip\": \"127.0.0.1/32\", \"severity\": \"no_access\", \"expires_in\": 60}").json().get("id").asLong();
        try {
            assertThat(server.http().get("/api/v1/instance").status()).isEqualTo(403);
            assertThat(register("afterexpiry", "afterexpiry@example.test").status()).isEqualTo(403);
            clock.advance(Duration.ofSeconds(61));
            assertThat(server.http().get("/api/v1/instance").status()).isEqualTo(200);
            assertThat(register("afterexpiry", "afterexpiry@example.test").status()).isEqualTo(200);
            long later = admin.postJson("/api/v1/admin/ip_blocks",
                    "{\"ip\": \"198.51.100.0/24\", \"severity\": \"no_access\", \"expires_in\": 3600}")
                    .json().get("id").asLong();
            // The hourly job may have purged them already; purging again is harmless.
            server.app().moderation().signupBlocks().purgeExpired();
            assertThat(admin.get("/api/v1/admin/ip_blocks/" + id).status()).isEqualTo(404);
            assertThat(admin.get("/api/v1/admin/ip_blocks/" + signUpBlock).status()).isEqualTo(404);
            assertThat(admin.get("/api/v1/admin/ip_blocks/" + later).status()).isEqualTo(200);
            admin.delete("/api/v1/admin/ip_blocks/" + later);
        } finally {
            clock.advance(Duration.ofSeconds(61));
            server.app().moderation().signupBlocks().purgeExpired();
        }
    }

    private static User user(String username) {
        var app = server.app();
        long id = app.accounts().queries().lookup(username).orElseThrow().id();
        return app.core().db().read(tx -> app.repos().users().find(tx, id)).orElseThrow();
    }
}
