package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import social.starling.model.Role;
import social.starling.service.account.NewLocalAccount;
import social.starling.testing.Fixtures;
import social.starling.testing.HeadlessChromium;
import social.starling.testing.TestApp;

/**
 * The admin pages in headless Chromium on a phone-sized window (as {@link BrowserTest}): an admin signs in, lands
 * on the dashboard it asked for, sees the pending application counted and approves it from the accounts page,
 * without horizontal scrolling.
 */
class AdminBrowserTest {
    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_REGISTRATIONS", "approval");

    static HeadlessChromium browser;
    static WebDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminApprovesAnApplicationFromThePhone() {
        server.fixtures().account("phone_admin", Role.ADMIN);
        server.app().accounts().createLocalAccount().create(new NewLocalAccount("waiting_wren",
                "waiting_wren@example.test", Fixtures.PASSWORD, Role.USER, "en", false, true, "Birds.", null, null));
        driver.manage().window().setSize(new Dimension(390, 844));
        WebDriverWait wait = HeadlessChromium.waitFor(driver, Duration.ofSeconds(15));

        driver.get(server.baseUrl() + "/admin");
        wait.until(ExpectedConditions.urlContains("/auth/sign_in"));
        driver.findElement(By.id("user_email")).sendKeys("phone_admin");
        driver.findElement(By.id("user_password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/auth/sign_in'] button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
        assertThat(driver.findElement(By.id("pending-signups")).getText()).isEqualTo("1");
        assertNoHorizontalScroll("/admin");

        driver.findElement(By.linkText("Review applications")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Accounts"));
        assertNoHorizontalScroll("/admin/accounts");
        driver.findElement(By.cssSelector("form[action='/admin/accounts/waiting_wren/approve'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "waiting_wren was approved"));
        assertThat(server.app().accounts().admin().find("waiting_wren").user().approved()).isTrue();

        driver.findElement(By.linkText("Audit log")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Audit log"));
        assertThat(driver.findElement(By.cssSelector(".audit-entry .what")).getText())
                .isEqualTo("@phone_admin approve User waiting_wren");
        assertNoHorizontalScroll("/admin/audit_log");
    }

    private static void assertNoHorizontalScroll(String path) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
        assertThat(scrollWidth).as("horizontal overflow on %s", path).isLessThanOrEqualTo(390);
    }
}
