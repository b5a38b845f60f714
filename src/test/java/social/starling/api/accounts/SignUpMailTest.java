package social.starling.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.TestApp;

/**
 * With an SMTP server configured, sign-up sends a real confirmation e-mail whose link confirms the account; a
 * password reset sends a link too. The new account also gets its RSA key pair, made by a job.
 */
class SignUpMailTest {
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

    @Test
    void confirmationMailLinkConfirmsTheAccount() throws Exception {
        ApiClient client = ApiClient.register(server.http(), "read write");
        HttpResult r = server.http().withToken(client.appToken("read write")).postJson("/api/v1/accounts", """
                {"username": "mailed", "email": "mailed@example.test", "password": "a good long password",
                 "agreement": true}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Await.until(() -> smtp.getReceivedMessages().length > 0);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("mailed@example.test");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("starling@example.test");
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = Pattern.compile("(http://\\S+/auth/confirmation\\?confirmation_token=\\S+)").matcher(body);
        assertThat(link.find()).as(body).isTrue();

        HttpResult before = server.http().withToken(r.json().get("access_token").asText())
                .get("/api/v1/accounts/verify_credentials");
        assertThat(before.status()).isEqualTo(403);
        assertThat(server.http().get(link.group(1)).status()).isEqualTo(200);
        assertThat(server.http().withToken(r.json().get("access_token").asText())
                .get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);

        long id = server.app().accounts().queries().lookup("mailed").orElseThrow().id();
        Await.until(() -> server.app().core().db().read(tx -> server.app().repos().accounts().find(tx, id)).orElseThrow()
                .publicKey() != null);
        String key = server.app().core().db().read(tx -> server.app().repos().accounts().find(tx, id)).orElseThrow().publicKey();
        assertThat(key).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void passwordResetMailCarriesALink() {
        server.fixtures().account("forgetful");
        int before = smtp.getReceivedMessages().length;
        server.app().accounts().passwordReset().request("forgetful@example.test");
        Await.until(() -> smtp.getReceivedMessages().length > before);
        String body = GreenMailUtil.getBody(smtp.getReceivedMessages()[before]).replace("=\r\n", "")
                .replace("=3D", "=");
        assertThat(body).contains("/auth/password/edit?reset_password_token=");
    }
}
