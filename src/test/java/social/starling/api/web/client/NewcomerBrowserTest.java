package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import social.starling.api.web.WebTesting;
import social.starling.model.Role;
import social.starling.testing.ApiClient;
import social.starling.testing.HeadlessChromium;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Issue 13's acceptance, in headless Chromium: a newcomer reads the front door and the rules, signs up, confirms,
 * lands in the web client, posts, follows bob, sees bob's post on home, favourites it, and gets a live notification
 * (no reload) when bob favourites theirs back; a second visitor then opens the newcomer's profile and post by link.
 * Screenshots at phone and desktop width go to {@code target/screenshots/}; the time from {@code /} to the first post
 * is printed.
 */
class NewcomerBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_TITLE", "Starling for newcomers")
            .with("STARLING_REGISTRATIONS", "open");

    static HeadlessChromium browser;
    static WebDriver driver;
    static HttpTester bob;

    @BeforeAll
    static void setUp() throws IOException {
        long owner = server.fixtures().account("keeper", Role.OWNER).id();
        server.app().moderation().rules().add(owner, "Be kind to newcomers", "");
        server.fixtures().account("bob");
        bob = ApiClient.register(server.http(), "read write").as("bob", "read write");
        assertThat(bob.postJson("/api/v1/statuses", "{\"status\": \"Bob says hello to the fediverse\"}").status())
                .isEqualTo(200);
        Files.createDirectories(SHOTS);
        browser = HeadlessChromium.start();
        driver = browser.driver();
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aNewcomerJoinsPostsFollowsAndHearsBack() throws IOException {
        driver.manage().window().setSize(DESKTOP);
        long start = System.nanoTime();
        driver.get(server.baseUrl() + "/");
        assertThat(text()).contains("Starling for newcomers");
        shot("01-front-door");
        driver.get(server.baseUrl() + "/about");
        assertThat(text()).contains("Be kind to newcomers");

        driver.findElement(By.cssSelector("a[href='/auth/sign_up']")).click();
        driver.findElement(By.id("user_username")).sendKeys("newbie");
        driver.findElement(By.id("user_email")).sendKeys("newbie@example.test");
        driver.findElement(By.id("user_password")).sendKeys(WebTesting.STRONG_PASSWORD);
        driver.findElement(By.id("user_password_confirmation")).sendKeys(WebTesting.STRONG_PASSWORD);
        driver.findElement(By.cssSelector("label[for=user_agreement]")).click();
        driver.findElement(By.cssSelector("form[action='/auth'] button[type=submit]")).click();
        waitFor().until(ExpectedConditions.urlContains("/auth/setup"));

        // the link of the confirmation e-mail
        driver.get(server.baseUrl() + WebTesting.confirmationLink(server.app(), "newbie"));
        assertThat(text()).contains("Your e-mail address is confirmed");
        driver.get(server.baseUrl() + "/auth/sign_in");
        driver.findElement(By.id("user_email")).sendKeys("newbie");
        driver.findElement(By.id("user_password")).sendKeys(WebTesting.STRONG_PASSWORD);
        driver.findElement(By.cssSelector("form[action='/auth/sign_in'] button[type=submit]")).click();
        waitFor().until(ExpectedConditions.urlContains("/web/home"));

        driver.findElement(By.id("compose-text")).sendKeys("My very first post, hello everyone");
        driver.findElement(By.cssSelector("form.compose button[type=submit]")).click();
        waitFor().until(d -> text().contains("My very first post, hello everyone"));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("newcomer from / to a first post: %.1f s (scripted, headless Chromium)%n", seconds);
        shot("02-home-after-first-post");

        // follow bob from his profile in the web client; his post comes into home
        driver.get(server.baseUrl() + "/web/@bob");
        driver.findElement(By.cssSelector("form[action$='/follow'] button")).click();
        waitFor().until(d -> !d.findElements(By.cssSelector("form[action$='/unfollow']")).isEmpty());
        waitFor().until(d -> {
            d.get(server.baseUrl() + "/web/home");
            return text().contains("Bob says hello to the fediverse");
        });
        WebElement bobsPost = driver.findElements(By.cssSelector("article.status")).stream()
                .filter(a -> a.getText().contains("Bob says hello")).findFirst().orElseThrow();
        String bobsPostId = bobsPost.getAttribute("id");
        bobsPost.findElement(By.cssSelector("form[action$='/favourite'] button")).click();
        waitFor().until(d -> !d.findElements(By.cssSelector("#" + bobsPostId + " form[action$='/unfavourite']"))
                .isEmpty());
        shot("03-home-following-bob");

        // bob favourites the newcomer's post: the notification arrives on the open page, no reload
        driver.get(server.baseUrl() + "/web/notifications");
        String newbieStatusId = firstStatusIdOf("newbie");
        waitFor().until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "var e = document.querySelector('[sse-connect]'); var x = e && e['htmx-internal-data'];"
                        + " return !!(x && x.sseEventSource && x.sseEventSource.readyState === 1);")));
        assertThat(text()).doesNotContain("favourited");
        assertThat(bob.post("/api/v1/statuses/" + newbieStatusId + "/favourite").status()).isEqualTo(200);
        waitFor().until(d -> text().contains("favourited"));
        assertThat(text()).contains("bob");
        shot("04-live-notification");
        driver.manage().window().setSize(PHONE);
        shot("05-notifications-phone");
        driver.get(server.baseUrl() + "/web/home");
        shot("06-home-phone");

        // a second visitor, signed out, opens the newcomer's profile and then the post by its link
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(DESKTOP);
        driver.get(server.baseUrl() + "/@newbie");
        assertThat(text()).contains("My very first post, hello everyone");
        shot("07-profile-visitor");
        driver.get(server.baseUrl() + "/@newbie/" + newbieStatusId);
        assertThat(text()).contains("My very first post, hello everyone");
        driver.manage().window().setSize(PHONE);
        shot("08-post-visitor-phone");
    }

    private static String firstStatusIdOf(String username) {
        var result = server.http().get("/api/v1/accounts/lookup?acct=" + username);
        String accountId = result.json().get("id").asText();
        return server.http().get("/api/v1/accounts/" + accountId + "/statuses").json().get(0).get("id").asText();
    }

    private static String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static WebDriverWait waitFor() {
        return HeadlessChromium.waitFor(driver, Duration.ofSeconds(15));
    }

    private static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
