package social.starling.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import social.starling.service.account.EmailTokens;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** {@code POST /api/v1/accounts} in each registration mode, and what a new account can do before and after. */
class RegistrationApiTest {
    static TestApp open = TestApp.create().with("STARLING_REGISTRATIONS", "open");
    static TestApp approval = TestApp.create().with("STARLING_REGISTRATIONS", "approval");
    static TestApp invite = TestApp.create().with("STARLING_REGISTRATIONS", "invite");
    static TestApp closed = TestApp.create().with("STARLING_REGISTRATIONS", "closed")
            .with("STARLING_SIGNUPS_PER_IP_PER_HOUR", "2");

    @BeforeAll
    static void start() throws Exception {
        open.start();
        approval.start();
        invite.start();
        closed.start();
    }

    @AfterAll
    static void stop() {
        open.stop();
        approval.stop();
        invite.stop();
        closed.stop();
    }

    static HttpTester appToken(TestApp server) {
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        return server.http().withToken(client.appToken("read write follow"));
    }

    static String signUp(String username, String extra) {
        return """
                {"username": "%s", "email": "%s@example.test", "password": "a good long password",
                 "agreement": true, "locale": "en" %s}""".formatted(username, username, extra);
    }

    static void confirm(TestApp server, String username) {
        var app = server.app();
        long id = app.accounts().queries().lookup(username).orElseThrow().id();
        String token = app.core().db().inTransaction(tx -> app.accounts().emailTokens().create(tx, id, EmailTokens.CONFIRM,
                Duration.ofDays(1)));
        assertThat(app.accounts().confirmEmail().confirm(token)).contains(id);
    }

    @Test
    void openSignUpGivesATokenThatWorksOnceTheAddressIsConfirmed() {
        HttpResult r = appToken(open).postJson("/api/v1/accounts", signUp("newcomer", ""));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode token = r.json();
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        HttpTester me = open.http().withToken(token.get("access_token").asText());
        HttpResult before = me.get("/api/v1/accounts/verify_credentials");
        assertThat(before.status()).isEqualTo(403);
        assertThat(before.json().get("error").asText()).isEqualTo("Your login is missing a confirmed e-mail address");
        confirm(open, "newcomer");
        assertThat(me.get("/api/v1/accounts/verify_credentials").json().get("username").asText())
                .isEqualTo("newcomer");
    }

    @Test
    void signUpNeedsAnAppTokenWithWriteAccounts() {
        assertThat(open.http().postJson("/api/v1/accounts", signUp("nobody", "")).status()).isEqualTo(401);
        ApiClient client = ApiClient.register(open.http(), "read");
        HttpResult r = open.http().withToken(client.appToken("read")).postJson("/api/v1/accounts",
                signUp("nobody", ""));
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void badInputAnswersMastodonsDetailsAndCreatesNothing() {
        HttpTester app = appToken(open);
        int before = open.app().core().db().<Integer>read(tx -> open.app().repos().users().count(tx));
        HttpResult r = app.postJson("/api/v1/accounts", """
                {"username": "admin", "email": "not-an-email", "password": "short", "agreement": false}""");
        assertThat(r.status()).isEqualTo(422);
        JsonNode details = r.json().get("details");
        assertThat(details.at("/username/0/error").asText()).isEqualTo("ERR_RESERVED");
        assertThat(details.at("/email/0/error").asText()).isEqualTo("ERR_INVALID");
        assertThat(details.at("/password/0/error").asText()).isEqualTo("ERR_TOO_SHORT");
        assertThat(details.at("/agreement/0/error").asText()).isEqualTo("ERR_ACCEPTED");
        assertThat(r.json().get("error").asText()).startsWith("Validation failed: ");

        assertThat(app.postJson("/api/v1/accounts", signUp("bad name!", "")).json()
                .at("/details/username/0/error").asText()).isEqualTo("ERR_INVALID");
        assertThat(app.postJson("/api/v1/accounts", signUp("x".repeat(31), "")).json()
                .at("/details/username/0/error").asText()).isEqualTo("ERR_TOO_LONG");
        assertThat(app.postJson("/api/v1/accounts", """
                {"username": "weakling", "email": "weak@example.test", "password": "password123",
                 "agreement": true}""").json().at("/details/password/0/error").asText()).isEqualTo("ERR_INVALID");
        assertThat(app.postJson("/api/v1/accounts", """
                {"username": "longpass", "email": "long@example.test", "password": "%s", "agreement": true}"""
                .formatted("x1y2".repeat(20))).json().at("/details/password/0/error").asText())
                .isEqualTo("ERR_TOO_LONG");
        assertThat(app.postJson("/api/v1/accounts", """
                {"username": "empty", "email": "empty@example.test", "password": "", "agreement": true}""")
                .json().at("/details/password/0/error").asText()).isEqualTo("ERR_BLANK");
        int after = open.app().core().db().<Integer>read(tx -> open.app().repos().users().count(tx));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void takenUsernamesAndAddressesAreRefused() {
        HttpTester app = appToken(open);
        assertThat(app.postJson("/api/v1/accounts", signUp("taken", "")).status()).isEqualTo(200);
        HttpResult sameName = app.postJson("/api/v1/accounts", """
                {"username": "TAKEN", "email": "other@example.test", "password": "a good long password",
                 "agreement": true}""");
        assertThat(sameName.status()).isEqualTo(422);
        assertThat(sameName.json().at("/details/username/0/error").asText()).isEqualTo("ERR_TAKEN");
        HttpResult sameEmail = app.postJson("/api/v1/accounts", """
                {"username": "other", "email": "Taken@Example.test", "password": "a good long password",
                 "agreement": true}""");
        assertThat(sameEmail.json().at("/details/email/0/error").asText()).isEqualTo("ERR_TAKEN");
    }

    @Test
    void approvalLeavesTheAccountPendingUntilStaffApprove() {
        HttpTester app = appToken(approval);
        HttpResult noReason = app.postJson("/api/v1/accounts", signUp("applicant", ""));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().at("/details/reason/0/error").asText()).isEqualTo("ERR_BLANK");

        HttpResult r = app.postJson("/api/v1/accounts", signUp("applicant", ", \"reason\": \"I like birds\""));
        assertThat(r.status()).isEqualTo(200);
        confirm(approval, "applicant");
        HttpTester me = approval.http().withToken(r.json().get("access_token").asText());
        HttpResult pending = me.get("/api/v1/accounts/verify_credentials");
        assertThat(pending.status()).isEqualTo(403);
        assertThat(pending.json().get("error").asText()).isEqualTo("Your login is currently pending approval");

        approval.app().accounts().admin().approve(approval.app().accounts().instanceActor().ensure().id(), "applicant");
        assertThat(me.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
    }

    @Test
    void inviteOnlyNeedsAValidInvite() {
        HttpTester app = appToken(invite);
        HttpResult without = app.postJson("/api/v1/accounts", signUp("guest", ""));
        assertThat(without.status()).isEqualTo(422);
        assertThat(without.json().at("/details/invite_code/0/error").asText()).isEqualTo("ERR_BLANK");
        HttpResult wrong = app.postJson("/api/v1/accounts", signUp("guest", ", \"invite_code\": \"nope\""));
        assertThat(wrong.status()).isEqualTo(422);

        long owner = invite.app().accounts().queries().lookup("owner").orElseThrow().id();
        String code = invite.app().accounts().invites().create(owner, 1, null).code();
        HttpResult ok = app.postJson("/api/v1/accounts", signUp("guest", ", \"invite_code\": \"" + code + "\""));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        HttpResult usedUp = app.postJson("/api/v1/accounts", signUp("guest2", ", \"invite_code\": \"" + code + "\""));
        assertThat(usedUp.status()).isEqualTo(422);
    }

    @Test
    void closedRegistrationsAre403() {
        HttpResult r = appToken(closed).postJson("/api/v1/accounts", signUp("outsider", ""));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).isEqualTo("This action is not allowed");
        assertThat(closed.app().accounts().queries().lookup("outsider")).isEmpty();
    }

    @Test
    void tooManySignUpsFromOneAddressGet429WithRetryAfter() {
        // The closed server allows 2 sign-ups per IP per hour; invites open it for this test.
        HttpTester app = appToken(closed);
        long owner = closed.app().accounts().queries().lookup("owner").orElseThrow().id();
        String code = closed.app().accounts().invites().create(owner, 10, null).code();
        for (int i = 0; i < 2; i++) {
            assertThat(app.postJson("/api/v1/accounts", signUp("burst" + i, ", \"invite_code\": \"" + code + "\""))
                    .status()).isEqualTo(200);
        }
        HttpResult limited = app.postJson("/api/v1/accounts", signUp("burst9", ", \"invite_code\": \"" + code + "\""));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isPresent();
        assertThat(closed.app().accounts().queries().lookup("burst9")).isEmpty();
    }

    @Test
    void theInstanceEntityTellsAppsTheMode() {
        assertThat(approval.http().get("/api/v2/instance").json().at("/registrations/approval_required")
                .asBoolean()).isTrue();
        assertThat(closed.http().get("/api/v2/instance").json().at("/registrations/enabled").asBoolean()).isFalse();
    }
}
