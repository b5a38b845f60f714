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
import social.starling.testing.HeadlessChromium;
import social.starling.testing.TestApp;

/**
 * The pages in a real browser (headless Chromium from the Debian packages {@code chromium} and
 * {@code chromium-driver}): signing up by filling the form, and the landing page on a phone-sized window. A missing
 * browser fails the test with a clear message; it is never skipped.
 */
class BrowserTest {
    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_TITLE", "Starling in a browser")
            .with("STARLING_REGISTRATIONS", "open");

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
    void signUpByFillingTheForm() {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(server.baseUrl() + "/auth/sign_up");
        driver.findElement(By.id("user_username")).sendKeys("browser_bird");
        driver.findElement(By.id("user_email")).sendKeys("browser_bird@example.test");
        driver.findElement(By.id("user_password")).sendKeys(WebTesting.STRONG_PASSWORD);
        driver.findElement(By.id("user_password_confirmation")).sendKeys(WebTesting.STRONG_PASSWORD);
        driver.findElement(By.cssSelector("label[for=user_agreement]")).click();
        assertThat(driver.findElement(By.id("user_agreement")).isSelected()).isTrue();
        driver.findElement(By.cssSelector("form[action='/auth'] button[type=submit]")).click();

        HeadlessChromium.waitFor(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/auth/setup"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your e-mail");
        assertThat(WebTesting.exists(server.app(), "browser_bird")).isTrue();
    }

    @Test
    void nothingOverflowsAPhoneScreen() {
        driver.manage().window().setSize(new Dimension(390, 844));
        for (String path : new String[] {"/", "/auth/sign_up", "/auth/sign_in", "/privacy-policy"}) {
            driver.get(server.baseUrl() + path);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            long viewport = ((Number) js.executeScript("return window.innerWidth;")).longValue();
            long scrollWidth = ((Number) js.executeScript(
                    "return document.documentElement.scrollWidth;")).longValue();
            assertThat(viewport).as("the window is phone-sized").isLessThanOrEqualTo(390);
            assertThat(scrollWidth).as("horizontal overflow on %s", path).isLessThanOrEqualTo(390);
            // the stylesheet loaded (the CSP allows it): buttons are tap-sized
            Object height = js.executeScript(
                    "return document.querySelector('.button').getBoundingClientRect().height;");
            assertThat(((Number) height).doubleValue()).as("tap target height on %s", path).isGreaterThanOrEqualTo(44);
        }
    }
}
