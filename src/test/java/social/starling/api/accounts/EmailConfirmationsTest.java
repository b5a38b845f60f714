package social.starling.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** POST /api/v1/emails/confirmations: resending the confirmation e-mail, optionally to a new address. */
class EmailConfirmationsTest {
    static GreenMail smtp;
    static TestApp server;

    @BeforeAll
    static void start() throws Exception {
        int port = TestApp.freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        server = TestApp.create()
                .with("STARLING_SMTP_HOST", "127.0.0.1")
                .with("STARLING_SMTP_PORT", Integer.toString(port))
                .with("STARLING_SMTP_SECURITY", "none")
                .with("STARLING_SMTP_FROM", "starling@example.test");
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        smtp.stop();
    }

    static long mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    @Test
    void anUnconfirmedLoginGetsTheMailAgainAndMayChangeItsAddress() {
        ApiClient client = ApiClient.register(server.http(), "read write");
        HttpResult signUp = server.http().withToken(client.appToken("read write")).postJson("/api/v1/accounts", """
                {"username": "typo", "email": "typo@exmaple.test", "password": "a good long password",
                 "agreement": true}""");
        assertThat(signUp.status()).as(signUp.body()).isEqualTo(200);
        HttpTester typo = server.http().withToken(signUp.json().get("access_token").asText());
        Await.until(() -> mailsTo("typo@exmaple.test") == 1);

        HttpResult resent = typo.post("/api/v1/emails/confirmations");
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().isObject() && resent.json().isEmpty()).isTrue();
        Await.until(() -> mailsTo("typo@exmaple.test") == 2);

        HttpResult moved = typo.postForm("/api/v1/emails/confirmations",
                java.util.Map.of("email", "typo@example.test"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        Await.until(() -> mailsTo("typo@example.test") == 1);

        server.fixtures().account("taken");
        HttpResult taken = typo.postForm("/api/v1/emails/confirmations",
                java.util.Map.of("email", "taken@example.test"));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(typo.postForm("/api/v1/emails/confirmations", java.util.Map.of("email", "not an address"))
                .status()).isEqualTo(422);
        assertThat(server.http().withToken(client.appToken("read write")).post("/api/v1/emails/confirmations")
                .status()).isEqualTo(422);
        assertThat(server.http().post("/api/v1/emails/confirmations").status()).isEqualTo(401);
    }

    @Test
    void aConfirmedLoginIsRefused() {
        server.fixtures().account("sure");
        HttpTester sure = ApiClient.register(server.http(), "read write").as("sure", "read write");
        HttpResult r = sure.post("/api/v1/emails/confirmations");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText())
                .isEqualTo("This method is only available while the e-mail is awaiting confirmation");
        assertThat(ApiClient.register(server.http(), "read").as("sure", "read")
                .post("/api/v1/emails/confirmations").status()).isEqualTo(403);
    }
}
