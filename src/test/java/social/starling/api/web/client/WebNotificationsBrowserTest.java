package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import social.starling.testing.ApiClient;
import social.starling.testing.Fixtures;
import social.starling.testing.HeadlessChromium;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Live notifications in a real browser (headless Chromium, htmx and its SSE extension under the pages' CSP): a
 * favourite made elsewhere puts the unread badge in the nav of any /web page, and a new notification at the top of
 * the notifications page, without reloading.
 */
class WebNotificationsBrowserTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    static HeadlessChromium chromium;
    static WebDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static HttpTester as(String username) {
        app.fixtures().account(username);
        return ApiClient.register(app.http(), "read write follow").as(username, "read write follow");
    }

    private static String post(HttpTester who, String text) {
        return who.postJson("/api/v1/statuses", "{\"status\":\"" + text + "\"}").json().get("id").asText();
    }

    @Test
    void theBadgeAndTheNotificationArriveWithoutReload() {
        HttpTester owner = as("browserowner");
        HttpTester fan = as("browserfan");
        fan.patchJson("/api/v1/accounts/update_credentials", "{\"display_name\":\"Browser Fan\"}");
        String first = post(owner, "First live post");
        String second = post(owner, "Second live post");

        driver.get(app.baseUrl() + "/auth/sign_in");
        driver.findElement(By.id("user_email")).sendKeys("browserowner@example.test");
        driver.findElement(By.id("user_password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/auth/sign_in'] button[type=submit]")).click();
        WebDriverWait wait = HeadlessChromium.waitFor(driver, Duration.ofSeconds(20));
        wait.until(d -> d.getCurrentUrl().endsWith("/web/home"));
        // The stream is open once its first event (the empty badge) came: wait for htmx to have connected.
        wait.until(d -> !d.findElements(By.cssSelector(".client[sse-connect]")).isEmpty());
        waitForStream(wait);

        assertThat(fan.post("/api/v1/statuses/" + first + "/favourite").status()).isEqualTo(200);
        wait.until(d -> d.findElement(By.id("unread-badge")).getText().contains("1"));

        driver.get(app.baseUrl() + "/web/notifications");
        assertThat(driver.findElements(By.cssSelector("#notifications article.notification"))).hasSize(1);
        waitForStream(wait);
        assertThat(fan.post("/api/v1/statuses/" + second + "/favourite").status()).isEqualTo(200);
        wait.until(d -> d.findElements(By.cssSelector("#notifications article.notification")).size() == 2);
        List<WebElement> items = driver.findElements(By.cssSelector("#notifications article.notification"));
        assertThat(items.getFirst().getText()).contains("Browser Fan").contains("favourited your post")
                .contains("Second live post");
        assertThat(driver.getCurrentUrl()).endsWith("/web/notifications");
    }

    @Test
    void theSettingsAndNotificationsFitAPhoneScreen() {
        app.fixtures().account("browserphone");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        driver.manage().deleteAllCookies();
        driver.get(app.baseUrl() + "/auth/sign_in");
        driver.findElement(By.id("user_email")).sendKeys("browserphone@example.test");
        driver.findElement(By.id("user_password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/auth/sign_in'] button[type=submit]")).click();
        HeadlessChromium.waitFor(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/web/home"));
        for (String path : new String[] {"/web/notifications", "/web/settings/profile", "/web/settings/preferences",
                "/web/settings/password", "/web/settings/applications", "/web/settings/export"}) {
            driver.get(app.baseUrl() + path);
            var js = (org.openqa.selenium.JavascriptExecutor) driver;
            long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
            assertThat(scrollWidth).as("horizontal overflow on %s", path).isLessThanOrEqualTo(390);
            assertThat(driver.findElements(By.cssSelector("input:not([type=hidden]):not([id]), textarea:not([id])")))
                    .as("every field has an id its label points at, on %s", path).isEmpty();
            for (WebElement input : driver.findElements(By.cssSelector("input:not([type=hidden]), textarea"))) {
                assertThat(driver.findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']")))
                        .as("a label for #%s on %s", input.getAttribute("id"), path).isNotEmpty();
            }
        }
    }

    /** Waits until htmx's EventSource for the page is open (readyState 1). */
    private static void waitForStream(WebDriverWait wait) {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "var e = document.querySelector('.client[sse-connect]');"
                        + "var s = e && e['htmx-internal-data'] && e['htmx-internal-data'].sseEventSource;"
                        + "return !!s && s.readyState === 1;")));
    }
}
