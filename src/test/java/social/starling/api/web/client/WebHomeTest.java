package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.api.web.WebClient;
import social.starling.api.web.WebTesting;
import social.starling.testing.Fixtures;
import social.starling.testing.TestApp;

/**
 * The web client's home, as a browser without JavaScript uses it: a visitor is sent to sign in and comes back; a
 * member posts from the form, sees the post on home, favourites it; a form without the CSRF token changes nothing.
 */
class WebHomeTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    @Test
    void aVisitorIsSentToSignInAndComesBackToHome() {
        app.fixtures().account("vera");
        WebClient browser = new WebClient(app.baseUrl());
        WebClient.Page home = browser.get("/web/home");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).hasValue("/auth/sign_in");
        WebClient.Page in = WebTesting.signIn(browser, "vera@example.test", Fixtures.PASSWORD);
        assertThat(in.location()).hasValue("/web/home");
        assertThat(browser.get("/web").location()).hasValue("/web/home");
    }

    @Test
    void aMemberPostsFromHomeAndFavouritesThePost() {
        app.fixtures().account("wren");
        WebClient browser = new WebClient(app.baseUrl());
        WebTesting.signIn(browser, "wren@example.test", Fixtures.PASSWORD);
        WebClient.Page home = browser.get("/web/home");
        assertThat(home.status()).as(home.toString()).isEqualTo(200);
        WebClient.Page posted = browser.submit(home.form("/web/statuses"),
                WebClient.fields("status", "Hello from the <b>web</b> client", "visibility", "public"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
        assertThat(posted.location()).hasValue("/web/home");

        WebClient.Page after = browser.get("/web/home");
        Element status = after.doc().selectFirst("article.status");
        assertThat(status).as(after.toString()).isNotNull();
        assertThat(status.text()).contains("Hello from the <b>web</b> client");
        assertThat(status.select("b")).isEmpty();

        Element favourite = status.selectFirst("form[action$=/favourite]");
        WebClient.Page faved = browser.submit(favourite, WebClient.fields());
        assertThat(faved.status()).as(faved.toString()).isEqualTo(303);
        Element again = browser.get("/web/home").doc().selectFirst("article.status");
        assertThat(again.selectFirst("form[action$=/unfavourite]")).isNotNull();
        assertThat(again.selectFirst("form[action$=/unfavourite] .count").text()).isEqualTo("1");
    }

    @Test
    void aPostWithoutTheTokenChangesNothing() {
        app.fixtures().account("yara");
        WebClient browser = new WebClient(app.baseUrl());
        WebTesting.signIn(browser, "yara@example.test", Fixtures.PASSWORD);
        WebClient.Page refused = browser.post("/web/statuses", WebClient.fields("status", "forged"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(browser.get("/web/home").text()).doesNotContain("forged");
    }

    @Test
    void htmxGetsTheStatusAloneAndTheScriptsAreServed() {
        assertThat(new WebClient(app.baseUrl()).get("/static/vendor/htmx.min.js").status()).isEqualTo(200);
        assertThat(new WebClient(app.baseUrl()).get("/static/vendor/htmx-sse.js").status()).isEqualTo(200);
        assertThat(new WebClient(app.baseUrl()).get("/static/vendor/other.js").status()).isEqualTo(404);
    }

    @Test
    void ownPostsOfferEditAndDeleteWhereverTheyAreListed() {
        app.fixtures().account("zeke");
        WebClient browser = new WebClient(app.baseUrl());
        WebTesting.signIn(browser, "zeke@example.test", Fixtures.PASSWORD);
        WebClient.Page home = browser.get("/web/home");
        browser.submit(home.form("/web/statuses"), WebClient.fields("status", "Mine to edit", "visibility", "public"));
        for (String path : new String[] {"/web/home", "/web/@zeke", "/web/local"}) {
            WebClient.Page page = browser.get(path);
            Element own = page.doc().select("article.status").stream()
                    .filter(a -> a.text().contains("Mine to edit")).findFirst().orElse(null);
            assertThat(own).as(path).isNotNull();
            assertThat(own.select("a[href$=/edit], form[action$=/edit]")).as("edit on " + path).isNotEmpty();
            assertThat(own.select("a[href*=/delete]")).as("delete on " + path).isNotEmpty();
        }
    }
}
