package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.client.WebPostTesting.htmxPost;
import static social.starling.api.web.client.WebPostTesting.post;
import static social.starling.api.web.client.WebPostTesting.signedIn;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.api.web.WebClient;
import social.starling.model.Status;
import social.starling.testing.TestApp;

/**
 * The actions on a post in the web client: boost, favourite (htmx answers the status alone), editing and deleting
 * one's own post (another's is a 404), the thread of a post one may not see (404), and no change without the
 * CSRF token.
 */
class WebPostActionsTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    @Test
    void boostAndUnboostTurnTheButtonAndTheCount() {
        Status status = post(app, "kira", "Worth sharing", "public");
        WebClient browser = signedIn(app, "lars");
        String path = "/web/statuses/" + status.id();
        WebClient.Page done = browser.submit(browser.get(path).form(path + "/reblog"), WebClient.fields());
        assertThat(done.status()).as(done.toString()).isEqualTo(303);
        assertThat(done.location()).hasValue(path);
        Element focus = browser.get(path).doc().selectFirst("article.focus");
        assertThat(focus.selectFirst("form[action$=/unreblog] .count").text()).isEqualTo("1");
        assertThat(app.app().statuses().views().one(status.id(), app.fixtures().account("lars").id()).orElseThrow()
                .viewer().reblogged()).isTrue();
        browser.submit(browser.get(path).form(path + "/unreblog"), WebClient.fields());
        assertThat(browser.get(path).doc().selectFirst("article.focus form[action$=/reblog] .count").text())
                .isEqualTo("0");
    }

    @Test
    void theAuthorMayBoostTheirOwnFollowersOnlyPost() {
        Status mine = post(app, "mona", "Just for my followers", "private");
        WebClient browser = signedIn(app, "mona");
        WebClient.Page page = browser.get("/web/statuses/" + mine.id());
        assertThat(page.doc().select("form[action$=/reblog]")).as("the author may boost it").hasSize(1);
    }

    @Test
    void htmxFavouriteAnswersTheStatusAlone() {
        Status status = post(app, "nils", "Swap me in place", "public");
        WebClient browser = signedIn(app, "olga");
        WebClient.Page fragment = htmxPost(app, browser, "/web/statuses/" + status.id() + "/favourite",
                WebClient.fields("return_to", "/web/local"));
        assertThat(fragment.status()).as(fragment.toString()).isEqualTo(200);
        assertThat(fragment.body().strip()).startsWith("<article").endsWith("</article>").doesNotContain("<html");
        assertThat(fragment.doc().selectFirst("form[action$=/unfavourite] .count").text()).isEqualTo("1");
        assertThat(fragment.doc().selectFirst("input[name=return_to]").attr("value")).isEqualTo("/web/local");
        WebClient.Page bookmark = htmxPost(app, browser, "/web/statuses/" + status.id() + "/bookmark",
                WebClient.fields());
        assertThat(bookmark.doc().select("form[action$=/unbookmark]")).hasSize(1);
    }

    @Test
    void htmxKeepsABoostShownAsTheBoostAndTheThreadsPostInFocus() {
        Status status = post(app, "xavi", "Boosted and then liked", "public");
        WebClient browser = signedIn(app, "yann");
        long me = app.fixtures().account("yann").id();
        long boost = app.app().interactions().reblogs().reblog(me, status.id(), null).status().id();
        WebClient.Page fragment = htmxPost(app, browser, "/web/statuses/" + status.id() + "/favourite",
                WebClient.fields("return_to", "/web/home", "render_id", Long.toString(boost)));
        Element article = fragment.doc().selectFirst("article");
        assertThat(article.id()).isEqualTo("s-" + boost);
        assertThat(article.text()).contains("boosted").contains("Boosted and then liked");
        assertThat(article.selectFirst("form[action$=/unfavourite]")).isNotNull();

        // A render_id naming an unrelated status is ignored: the status acted on is shown.
        Status other = post(app, "xavi", "Unrelated", "public");
        WebClient.Page unrelated = htmxPost(app, browser, "/web/statuses/" + status.id() + "/bookmark",
                WebClient.fields("render_id", Long.toString(other.id()), "focus", "true"));
        Element shown = unrelated.doc().selectFirst("article");
        assertThat(shown.id()).isEqualTo("s-" + status.id());
        assertThat(shown.hasClass("focus")).isTrue();
        assertThat(shown.select("input[name=focus]")).isNotEmpty();
    }

    @Test
    void theAuthorEditsAPostFromItsPrefilledForm() {
        WebClient browser = signedIn(app, "pia");
        long me = app.fixtures().account("pia").id();
        Status status = app.app().statuses().post().post(me, new social.starling.service.status.PostStatusService
                .Request("First thougths", "Spelling", "public", null, null, null, null, java.util.List.of(), null,
                null));
        String path = "/web/statuses/" + status.id();
        WebClient.Page thread = browser.get(path);
        assertThat(thread.doc().selectFirst("article.focus a[href=" + path + "/edit]")).isNotNull();
        WebClient.Page form = browser.get(path + "/edit");
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        Element edit = form.form(path + "/edit");
        assertThat(edit.selectFirst("textarea[name=status]").text()).isEqualTo("First thougths");
        assertThat(edit.selectFirst("input[name=spoiler_text]").attr("value")).isEqualTo("Spelling");

        WebClient.Page tooLong = browser.submit(edit, WebClient.fields("status", "y".repeat(501)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.doc().selectFirst("textarea[name=status]").text()).isEqualTo("y".repeat(501));

        WebClient.Page saved = browser.submit(edit, WebClient.fields("status", "First thoughts"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(303);
        assertThat(saved.location()).hasValue(path);
        Element after = browser.get(path).doc().selectFirst("article.focus");
        assertThat(after.text()).contains("First thoughts").contains("edited");
    }

    @Test
    void editingChangesAnImagesAltTextAndKeepsTheImage() {
        WebClient browser = signedIn(app, "zeno");
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("authenticity_token", WebPostTesting.csrf(browser));
        fields.put("status", "My picture");
        fields.put("description_1", "A tpyo in the alt text");
        WebClient.Page posted = WebPostTesting.multipart(app, browser, "/web/statuses", fields,
                java.util.Map.of("file_1", social.starling.testing.Multipart.resource("image.png")));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
        String path = browser.get("/web/home").doc().selectFirst("article.status a.permalink").attr("href");
        Element edit = browser.get(path + "/edit").form(path + "/edit");
        assertThat(edit.selectFirst("input[name=attached_description]").attr("value"))
                .isEqualTo("A tpyo in the alt text");
        WebClient.Page saved = browser.submit(edit, WebClient.fields("attached_description", "A typo fixed"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(303);
        Element after = browser.get(path).doc().selectFirst("article.focus");
        assertThat(after.select(".media img")).hasSize(1);
        assertThat(after.selectFirst(".media img").attr("alt")).isEqualTo("A typo fixed");
        assertThat(after.text()).contains("My picture");
    }

    @Test
    void aMemberCannotEditOrDeleteAnothersPost() {
        Status theirs = post(app, "quinn", "Not yours to change", "public");
        WebClient browser = signedIn(app, "rosa");
        String path = "/web/statuses/" + theirs.id();
        assertThat(browser.get(path).doc().select("a[href=" + path + "/edit]")).isEmpty();
        assertThat(browser.get(path + "/edit").status()).isEqualTo(404);
        assertThat(browser.get(path + "/delete").status()).isEqualTo(404);
        String token = WebPostTesting.csrf(browser);
        assertThat(browser.post(path + "/edit", WebClient.fields("authenticity_token", token, "status", "hijacked"))
                .status()).isEqualTo(404);
        assertThat(browser.post(path + "/delete", WebClient.fields("authenticity_token", token)).status())
                .isEqualTo(404);
        WebClient.Page still = browser.get(path);
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.text()).contains("Not yours to change").doesNotContain("hijacked");
    }

    @Test
    void theAuthorDeletesAPostAfterConfirming() {
        WebClient browser = signedIn(app, "saul");
        Status mine = post(app, "saul", "A post to regret", "public");
        String path = "/web/statuses/" + mine.id();
        WebClient.Page local = browser.get("/web/local");
        String link = local.doc().selectFirst("a[href^=" + path + "/delete]").attr("href");
        WebClient.Page confirm = browser.get(link);
        assertThat(confirm.status()).as(confirm.toString()).isEqualTo(200);
        assertThat(confirm.text()).contains("A post to regret");

        WebClient.Page forged = browser.post(path + "/delete", WebClient.fields());
        assertThat(forged.status()).isEqualTo(422);
        assertThat(browser.get(path).status()).isEqualTo(200);

        WebClient.Page deleted = browser.submit(confirm.form(path + "/delete"), WebClient.fields());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(303);
        assertThat(deleted.location()).hasValue("/web/local");
        assertThat(browser.get(path).status()).isEqualTo(404);
    }

    @Test
    void actionsWithoutTheTokenChangeNothing() {
        Status status = post(app, "tomas", "Leave me be", "public");
        WebClient browser = signedIn(app, "ugo");
        for (String action : new String[] {"favourite", "reblog", "bookmark"}) {
            WebClient.Page refused = browser.post("/web/statuses/" + status.id() + "/" + action,
                    WebClient.fields("return_to", "/web/home"));
            assertThat(refused.status()).as(action).isEqualTo(422);
        }
        var view = app.app().statuses().views().one(status.id(), app.fixtures().account("ugo").id()).orElseThrow();
        assertThat(view.viewer().favourited()).isFalse();
        assertThat(view.viewer().reblogged()).isFalse();
        assertThat(view.viewer().bookmarked()).isFalse();
    }

    @Test
    void theThreadOfAPostOneMayNotSeeIsNotFound() {
        Status secret = post(app, "vito", "Followers only, please", "private");
        WebClient browser = signedIn(app, "wilma");
        WebClient.Page page = browser.get("/web/statuses/" + secret.id());
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).doesNotContain("Followers only, please");
        assertThat(browser.get("/web/statuses/nonsense").status()).isEqualTo(404);
    }
}
