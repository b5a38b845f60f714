package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import social.starling.model.Account;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.testing.ApiClient;
import social.starling.testing.HeadlessChromium;
import social.starling.testing.HttpResult;
import social.starling.testing.TestApp;

/**
 * The front door, a remote account's page and the "interact from your server" form in headless Chromium on a phone:
 * nothing overflows (long remote handles wrap), the handle field is labelled, and a malformed handle typed into the
 * form gets the 422 page, without JavaScript.
 */
class RemoteInteractionBrowserTest {
    private static final String LONG_DOMAIN = "a-rather-long-server-name-for-a-small-phone.example";

    @RegisterExtension
    static TestApp server = TestApp.create();

    static HeadlessChromium browser;
    static WebDriver driver;
    static String postId;

    @BeforeAll
    static void start() throws IOException {
        server.fixtures().account("alice");
        HttpResult posted = ApiClient.register(server.http(), "write").as("alice", "write")
                .postJson("/api/v1/statuses", "{\"status\": \"Hello from the front door\"}");
        assertThat(posted.status()).isEqualTo(200);
        postId = posted.json().get("id").asText();
        remoteAccount();
        browser = HeadlessChromium.start();
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /** A remote account with a long handle and one stored public post, written straight to the database. */
    static void remoteAccount() {
        var core = server.app().core();
        Instant now = core.clock().instant();
        String base = "https://" + LONG_DOMAIN + "/users/averyveryverylongusernameindeed";
        var a = new Account(core.ids().next(), "averyveryverylongusernameindeed", LONG_DOMAIN,
                "Somebody with an extraordinarily long display name", "<p>A bio</p>", "", List.of(), base,
                base.replace("/users/", "/@"), base + "/inbox", null, base + "/outbox", base + "/followers",
                base + "/following", null, "Person", false, true, false, false, false, null, null, null, null,
                null, 3, 2, 1, null, null, null, now, now);
        var stored = core.db().inTransaction(tx -> server.app().accounts().writer().upsertRemote(tx, a, now));
        long id = core.ids().next();
        var s = new Status(id, stored.id(), stored.uri() + "/statuses/" + id, null, false, Visibility.PUBLIC, "",
                "<p>A remote post with https://" + LONG_DOMAIN + "/a/very/long/link/that/goes/on</p>", "", false,
                null, null, null, null, null, null, null, 0, 0, 0, 0, null, now);
        core.db().inTransaction(tx -> {
            server.app().repos().statuses().insert(tx, s);
            return null;
        });
    }

    @Test
    void nothingOverflowsAPhoneAndTheFormWorksWithoutJavaScript() {
        driver.manage().window().setSize(new Dimension(390, 844));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        for (String path : List.of("/", "/@alice", "/@alice/" + postId,
                "/@averyveryverylongusernameindeed@" + LONG_DOMAIN)) {
            driver.get(server.baseUrl() + path);
            assertThat(driver.findElement(By.tagName("main")).getText()).as(path).isNotBlank();
            long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
            assertThat(scrollWidth).as("horizontal overflow on %s", path).isLessThanOrEqualTo(390);
        }
        assertThat(driver.getPageSource()).contains("A remote post with");

        driver.get(server.baseUrl() + "/@alice");
        WebElement field = driver.findElement(By.id("interact_acct"));
        assertThat(driver.findElement(By.cssSelector("label[for=interact_acct]")).getText()).isEqualTo("Your handle");
        field.sendKeys("not a handle");
        driver.findElement(By.cssSelector("form[action='/remote_interaction'] button[type=submit]")).click();
        // the answer is a new page. Chromium may report the old page's nodes as "not in the document" instead of
        // stale while it swaps pages, so wait for the answer's heading and retry lookups that race the swap.
        HeadlessChromium.waitFor(driver, Duration.ofSeconds(15))
                .until(d -> "That did not work".equals(d.findElement(By.tagName("h1")).getText()));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("full handle");
    }
}
