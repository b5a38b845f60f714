package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.client.WebPostTesting.post;
import static social.starling.api.web.client.WebPostTesting.signedIn;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.api.web.WebClient;
import social.starling.model.Status;
import social.starling.testing.TestApp;

/**
 * The web client's Local, Federated and Bookmarks timelines, as a browser without JavaScript uses them: what each
 * shows (what the API's public timeline and bookmarks show this member), the section marked in the navigation,
 * and "Older posts" paging.
 */
class WebTimelinesTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    @Test
    void localAndFederatedShowPublicPostsButNotPrivateOnesOfPeopleNotFollowed() {
        WebClient browser = signedIn(app, "tara");
        post(app, "ulla", "An open hello from ulla", "public");
        post(app, "ulla", "A secret for ulla's followers", "private");
        app.awaitDistributed();
        for (String path : new String[] {"/web/local", "/web/federated"}) {
            WebClient.Page page = browser.get(path);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.text()).contains("An open hello from ulla").doesNotContain("A secret for ulla");
            Element current = page.doc().selectFirst(".client-nav a[aria-current=page]");
            assertThat(current.attr("href")).isEqualTo(path);
            // The actions come back to this timeline.
            assertThat(page.doc().selectFirst("article.status input[name=return_to]").attr("value")).isEqualTo(path);
        }
    }

    @Test
    void aVisitorIsSentToSignIn() {
        WebClient.Page page = new WebClient(app.baseUrl()).get("/web/federated");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).hasValue("/auth/sign_in");
    }

    @Test
    void localPagesToOlderPosts() {
        WebClient browser = signedIn(app, "vale");
        for (int i = 1; i <= 21; i++) {
            post(app, "wanda", "Wanda's numbered post " + i + " end", "public");
        }
        WebClient.Page first = browser.get("/web/local");
        assertThat(first.text()).contains("Wanda's numbered post 21 end").doesNotContain("Wanda's numbered post 1 end");
        Element older = first.doc().selectFirst("a[rel=next]");
        assertThat(older).as(first.toString()).isNotNull();
        assertThat(older.attr("href")).startsWith("/web/local?max_id=");
        WebClient.Page second = browser.get(older.attr("href"));
        assertThat(second.text()).contains("Wanda's numbered post 1 end")
                .doesNotContain("Wanda's numbered post 21 end");
    }

    @Test
    void bookmarkingFromATimelineShowsThePostUnderBookmarksUntilRemoved() {
        WebClient browser = signedIn(app, "xena");
        Status status = post(app, "yves", "Something worth keeping", "public");
        WebClient.Page empty = browser.get("/web/bookmarks");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.text()).doesNotContain("Something worth keeping");
        assertThat(empty.doc().selectFirst(".client-nav a[aria-current=page]").attr("href"))
                .isEqualTo("/web/bookmarks");

        WebClient.Page local = browser.get("/web/local");
        Element form = local.form("/web/statuses/" + status.id() + "/bookmark");
        WebClient.Page done = browser.submit(form, WebClient.fields());
        assertThat(done.status()).as(done.toString()).isEqualTo(303);
        assertThat(done.location()).hasValue("/web/local");

        WebClient.Page marked = browser.get("/web/bookmarks");
        assertThat(marked.text()).contains("Something worth keeping");
        browser.submit(marked.form("/web/statuses/" + status.id() + "/unbookmark"), WebClient.fields());
        assertThat(browser.get("/web/bookmarks").text()).doesNotContain("Something worth keeping");
    }

    @Test
    void bookmarksPageToOlderOnes() {
        WebClient browser = signedIn(app, "zora");
        long me = app.fixtures().account("zora").id();
        for (int i = 1; i <= 21; i++) {
            Status s = post(app, "abel", "Abel's kept post " + i + " end", "public");
            app.app().interactions().bookmarks().bookmark(me, s.id());
        }
        WebClient.Page first = browser.get("/web/bookmarks");
        assertThat(first.text()).contains("Abel's kept post 21 end").doesNotContain("Abel's kept post 1 end");
        String older = first.doc().selectFirst("a[rel=next]").attr("href");
        assertThat(older).startsWith("/web/bookmarks?max_id=");
        WebClient.Page second = browser.get(older);
        assertThat(second.text()).contains("Abel's kept post 1 end").doesNotContain("Abel's kept post 21 end");
        assertThat(second.doc().selectFirst("a[rel=next]")).isNull();
    }
}
