package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.WebTesting.signIn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.Fixtures;
import social.starling.testing.TestApp;

/** Logging in and out of the web pages. */
class SignInTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    @Test
    void signInSetsASafeSessionCookieAndSignOutEndsIt() {
        server.fixtures().account("alice");
        WebClient browser = new WebClient(server.baseUrl());
        WebClient.Page in = signIn(browser, "alice@example.test", Fixtures.PASSWORD);
        assertThat(in.status()).as(in.toString()).isEqualTo(302);
        assertThat(in.location()).as("a member lands in the web client").contains("/web/home");
        assertThat(in.setCookies()).anySatisfy(c -> assertThat(c).startsWith("_starling_session=")
                .contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=2592000").doesNotContain("Secure"));
        String session = browser.cookie("_starling_session").orElseThrow();

        WebClient.Page home = browser.get("/");
        assertThat(home.doc().select(".whoami").text()).isEqualTo("@alice");
        WebClient.Page out = browser.submit(home.form("/auth/sign_out"), java.util.Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).contains("/");
        assertThat(browser.cookie("_starling_session")).isEmpty();
        assertThat(browser.get("/").doc().select(".whoami")).isEmpty();
        assertThat(server.app().accounts().sessions().find(session)).as("the session is gone on the server too").isEmpty();
    }

    @Test
    void wrongPasswordKeepsTheLoginButNotThePassword() {
        server.fixtures().account("bob");
        WebClient.Page page = signIn(new WebClient(server.baseUrl()), "bob", "not the password");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.text()).contains("Invalid e-mail address, username or password.");
        assertThat(page.doc().selectFirst("#user_email").attr("value")).isEqualTo("bob");
        assertThat(page.body()).doesNotContain("not the password");
    }

    @Test
    void aDisabledLoginIsRefused() {
        server.fixtures().account("carol");
        server.app().accounts().admin().disable(server.app().accounts().instanceActor().ensure().id(), "carol");
        WebClient.Page page = signIn(new WebClient(server.baseUrl()), "carol", Fixtures.PASSWORD);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("Your login is currently disabled");
    }

    @Test
    void tooManyFailuresAre429WithRetryAfter() {
        server.fixtures().account("dave");
        WebClient browser = new WebClient(server.baseUrl());
        WebClient.Page last = null;
        for (int i = 0; i < 12; i++) {
            last = signIn(browser, "dave", "wrong " + i);
            if (last.status() == 429) {
                break;
            }
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(last.text()).contains("Too many");
    }

    @Test
    void onlySameOriginPathsAreReturnedTo() {
        assertThat(WebSession.safePath("/oauth/authorize?client_id=x")).isTrue();
        assertThat(WebSession.safePath("/")).isTrue();
        assertThat(WebSession.safePath("//evil.example/")).isFalse();
        assertThat(WebSession.safePath("/\\evil.example/")).isFalse();
        assertThat(WebSession.safePath("https://evil.example/")).isFalse();
        assertThat(WebSession.safePath("javascript:alert(1)")).isFalse();
        assertThat(WebSession.safePath("/a\nb")).isFalse();
        assertThat(WebSession.safePath(null)).isFalse();
    }
}
