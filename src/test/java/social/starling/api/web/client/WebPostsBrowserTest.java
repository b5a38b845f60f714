package social.starling.api.web.client;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import social.starling.model.Status;
import social.starling.testing.Fixtures;
import social.starling.testing.HeadlessChromium;
import social.starling.testing.TestApp;

/**
 * The web client's posts in headless Chromium on a phone-sized window: htmx swaps a favourited status in place
 * (the page does not reload, the CSRF token goes with the form), and the timeline, thread and compose options fit
 * the width.
 */
class WebPostsBrowserTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

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
    void favouritingSwapsTheStatusInPlaceOnAPhone() {
        server.fixtures().account("phone_reader");
        Status status = WebPostTesting.post(server, "phone_writer", "A post to like from a phone", "public");
        driver.manage().window().setSize(new Dimension(390, 844));
        WebDriverWait wait = HeadlessChromium.waitFor(driver, Duration.ofSeconds(15));

        driver.get(server.baseUrl() + "/web/local");
        wait.until(ExpectedConditions.urlContains("/auth/sign_in"));
        driver.findElement(By.id("user_email")).sendKeys("phone_reader");
        driver.findElement(By.id("user_password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/auth/sign_in'] button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Local"));
        assertNoHorizontalScroll("/web/local");

        // A marker on the window: a full page load would lose it, an htmx swap keeps it.
        ((JavascriptExecutor) driver).executeScript("window.starlingMarker = 'kept';");
        String article = "#s-" + status.id();
        driver.findElement(By.cssSelector(article + " form[action$='/favourite'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(article + " form[action$='/unfavourite']")));
        WebElement count = driver.findElement(By.cssSelector(article + " form[action$='/unfavourite'] .count"));
        assertThat(count.getText()).isEqualTo("1");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.starlingMarker;")).isEqualTo("kept");
        assertThat(driver.getCurrentUrl()).endsWith("/web/local");
        assertThat(driver.findElements(By.cssSelector(article))).hasSize(1);

        driver.get(server.baseUrl() + "/web/statuses/" + status.id());
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Thread"));
        for (WebElement summary : driver.findElements(By.cssSelector("form#reply summary"))) {
            summary.click(); // open the images and poll parts
        }
        assertNoHorizontalScroll("/web/statuses/:id");
    }

    private static void assertNoHorizontalScroll(String path) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
        assertThat(scrollWidth).as("horizontal overflow on %s", path).isLessThanOrEqualTo(390);
    }
}
