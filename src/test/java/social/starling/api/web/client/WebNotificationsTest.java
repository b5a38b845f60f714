package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.api.web.WebClient;
import social.starling.api.web.WebTesting;
import social.starling.testing.ApiClient;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The notifications page of the web client, as a browser without JavaScript sees it: each notification the API
 * lists, in words, with the post's excerpt and links; "Older" pages; opening it moves the notifications marker, so
 * the API's unread count drops to zero.
 */
class WebNotificationsTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    private static HttpTester as(String username) {
        app.fixtures().account(username);
        return ApiClient.register(app.http(), "read write follow").as(username, "read write follow");
    }

    private static String post(HttpTester who, String text) {
        var r = who.postJson("/api/v1/statuses", "{\"status\":\"" + text + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    @Test
    void notificationsAreListedInWordsAndOpeningThePageMarksThemRead() {
        HttpTester bob = as("nbob");
        HttpTester ann = as("nann");
        var named = ann.patchJson("/api/v1/accounts/update_credentials",
                "{\"display_name\":\"Ann <script>alert(1)</script>\"}");
        assertThat(named.status()).isEqualTo(200);
        String statusId = post(bob, "A post worth a star");
        long bobId = app.fixtures().account("nbob").id();
        assertThat(ann.post("/api/v1/statuses/" + statusId + "/favourite").status()).isEqualTo(200);
        assertThat(ann.post("/api/v1/accounts/" + bobId + "/follow").status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/notifications/unread_count").json().get("count").asInt()).isEqualTo(2);

        WebClient browser = new WebClient(app.baseUrl());
        WebTesting.signIn(browser, "nbob@example.test", Fixtures.PASSWORD);
        WebClient.Page page = browser.get("/web/notifications");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        var items = page.doc().select("article.notification");
        assertThat(items).hasSize(2);
        Element follow = items.get(0);
        assertThat(follow.text()).contains("Ann <script>alert(1)</script>").contains("followed you");
        Element fav = items.get(1);
        assertThat(fav.text()).contains("favourited your post").contains("A post worth a star");
        assertThat(fav.selectFirst("a[href=/web/statuses/" + statusId + "]")).isNotNull();
        assertThat(fav.selectFirst("a[href=/web/@nann] bdi")).isNotNull();
        assertThat(page.doc().select("article.notification script")).isEmpty();
        assertThat(page.doc().selectFirst("a[rel=next]")).isNull();
        assertThat(page.doc().selectFirst("[sse-connect=/web/notifications/stream]")).isNotNull();
        assertThat(page.doc().selectFirst("#notifications[sse-swap=notification]")).isNotNull();

        assertThat(bob.get("/api/v1/notifications/unread_count").json().get("count").asInt()).isZero();
        var markers = bob.get("/api/v1/markers?timeline[]=notifications").json();
        assertThat(markers.path("notifications").path("last_read_id").asText())
                .isEqualTo(follow.id().substring("n-".length()));
    }

    @Test
    void olderNotificationsArePaged() {
        HttpTester cat = as("ncat");
        HttpTester dan = as("ndan");
        for (int i = 0; i < WebNotificationsRoutes.PAGE_SIZE + 3; i++) {
            String id = post(cat, "Post number " + i);
            assertThat(dan.post("/api/v1/statuses/" + id + "/favourite").status()).isEqualTo(200);
        }
        WebClient browser = new WebClient(app.baseUrl());
        WebTesting.signIn(browser, "ncat@example.test", Fixtures.PASSWORD);
        WebClient.Page first = browser.get("/web/notifications");
        assertThat(first.doc().select("article.notification")).hasSize(WebNotificationsRoutes.PAGE_SIZE);
        assertThat(first.text()).contains("Post number " + (WebNotificationsRoutes.PAGE_SIZE + 2));
        Element older = first.doc().selectFirst("a[rel=next]");
        assertThat(older).isNotNull();
        assertThat(older.text()).isEqualTo("Older");
        WebClient.Page second = browser.get(older.attr("href"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.doc().select("article.notification")).hasSize(3);
        assertThat(second.text()).contains("Post number 0").doesNotContain("Post number 3 ");
    }

    @Test
    void aVisitorIsSentToSignIn() {
        WebClient.Page page = new WebClient(app.baseUrl()).get("/web/notifications");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).hasValue("/auth/sign_in");
    }
}
