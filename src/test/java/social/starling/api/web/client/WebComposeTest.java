package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.client.WebPostTesting.csrf;
import static social.starling.api.web.client.WebPostTesting.multipart;
import static social.starling.api.web.client.WebPostTesting.post;
import static social.starling.api.web.client.WebPostTesting.signedIn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.api.web.WebClient;
import social.starling.model.Status;
import social.starling.model.view.StatusView;
import social.starling.testing.Multipart;
import social.starling.testing.TestApp;

/**
 * Posting from the web client: content warning, visibility, language, sensitive, a poll, images with alt text, a
 * reply from the thread page; a refused post shows the form again with the text as typed (422).
 */
class WebComposeTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    private static StatusView latest(String author) {
        long id = app.fixtures().account(author).id();
        return mine(author, 1).getFirst();
    }

    private static java.util.List<StatusView> mine(String author, int limit) {
        long id = app.fixtures().account(author).id();
        return app.app().statuses().accountStatuses().statuses(id, id,
                new social.starling.service.timeline.AccountStatusesService.Options(false, false, false, false, null),
                social.starling.model.Page.first(limit)).statuses();
    }

    @Test
    void aPostCarriesItsWarningVisibilityLanguageAndSensitivity() {
        WebClient browser = signedIn(app, "bria");
        Element form = browser.get("/web/home").form("/web/statuses");
        assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(form.select("select[name=language] option[value=de]")).hasSize(1);
        WebClient.Page posted = browser.submit(form, WebClient.fields("status", "Guten Morgen, Welt",
                "spoiler_text", "Breakfast talk", "visibility", "private", "language", "de", "sensitive", "true"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
        Status s = latest("bria").status();
        assertThat(s.text()).isEqualTo("Guten Morgen, Welt");
        assertThat(s.spoilerText()).isEqualTo("Breakfast talk");
        assertThat(s.visibility().name()).isEqualToIgnoringCase("private");
        assertThat(s.language()).isEqualTo("de");
        assertThat(s.sensitive()).isTrue();
        Element article = browser.get("/web/home").doc().selectFirst("article.status");
        assertThat(article.selectFirst("details summary").text()).isEqualTo("Breakfast talk");
    }

    @Test
    void aPollIsPostedAndAnotherMemberVotesOnIt() {
        WebClient author = signedIn(app, "cato");
        Element form = author.get("/web/home").form("/web/statuses");
        assertThat(form.select("input[name=poll_options]")).hasSize(4);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("authenticity_token", csrf(author));
        fields.put("status", "Tea or coffee?");
        fields.put("poll_options", "Tea");
        fields.put("poll_expires_in", "3600");
        fields.put("poll_multiple", "true");
        // Two options of the same name: sent as a multipart form, as the browser does.
        WebClient.Page posted = multipart(app, author, "/web/statuses", fields, Map.of());
        assertThat(posted.status()).as("one option is no poll").isEqualTo(422);
        assertThat(posted.text()).contains("Poll must have at least 2 options");
        assertThat(posted.doc().selectFirst("textarea[name=status]").text()).isEqualTo("Tea or coffee?");
        assertThat(posted.doc().select("input[name=poll_options]").getFirst().attr("value")).isEqualTo("Tea");

        String body = "authenticity_token=" + csrf(author)
                + "&status=Tea+or+coffee%3F&poll_options=Tea&poll_options=Coffee&poll_options=&poll_options="
                + "&poll_expires_in=3600&poll_multiple=true";
        WebClient.Page ok = rawPost(author, "/web/statuses", body);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(303);
        StatusView view = latest("cato");
        assertThat(view.poll().poll().options()).containsExactly("Tea", "Coffee");
        assertThat(view.poll().poll().multiple()).isTrue();
        // The author sees results, not a vote form.
        Element own = author.get("/web/statuses/" + view.status().id()).doc().selectFirst("article.focus");
        assertThat(own.selectFirst("form.poll")).isNull();
        assertThat(own.select(".poll-results li")).hasSize(2);

        WebClient voter = signedIn(app, "dara");
        Element theirs = voter.get("/web/statuses/" + view.status().id()).doc().selectFirst("article.focus");
        Element vote = theirs.selectFirst("form.poll");
        assertThat(vote.select("input[type=checkbox][name=choices]")).hasSize(2);
        WebClient.Page voted = voter.submit(vote, WebClient.fields("choices", "1"));
        assertThat(voted.status()).as(voted.toString()).isEqualTo(303);
        Element after = voter.get("/web/statuses/" + view.status().id()).doc().selectFirst("article.focus");
        assertThat(after.selectFirst("form.poll")).isNull();
        assertThat(after.select(".poll-results li").get(1).text()).contains("Coffee (your vote): 1 vote");
    }

    @Test
    void aTooLongPostIsRefusedAndTheTextKept() {
        WebClient browser = signedIn(app, "edda");
        String text = "A very long thought. ".repeat(40);
        WebClient.Page refused = browser.submit(browser.get("/web/home").form("/web/statuses"),
                WebClient.fields("status", text, "spoiler_text", "My warning"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.doc().selectFirst("[role=alert]").text()).contains("character limit");
        assertThat(refused.doc().selectFirst("textarea[name=status]").wholeText()).isEqualTo(text);
        assertThat(refused.doc().selectFirst("input[name=spoiler_text]").attr("value")).isEqualTo("My warning");
        assertThat(mine("edda", 5)).isEmpty();
    }

    @Test
    void imagesAreUploadedWithTheirAltTextAndShown() {
        WebClient browser = signedIn(app, "fenn");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("authenticity_token", csrf(browser));
        fields.put("return_to", "/web/home");
        fields.put("status", "Look at this");
        fields.put("description_1", "A tiny test picture");
        fields.put("description_2", "");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("file_1", Multipart.resource("image.png"));
        files.put("file_2", new byte[0]); // a file field left empty
        WebClient.Page posted = multipart(app, browser, "/web/statuses", fields, files);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
        assertThat(posted.location()).hasValue("/web/home");
        Element article = browser.get("/web/home").doc().selectFirst("article.status");
        assertThat(article.text()).contains("Look at this");
        assertThat(article.select(".media img")).hasSize(1);
        assertThat(article.selectFirst(".media img").attr("alt")).isEqualTo("A tiny test picture");
    }

    @Test
    void sensitiveImagesAreBehindAClick() {
        WebClient browser = signedIn(app, "hana");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("authenticity_token", csrf(browser));
        fields.put("status", "Careful");
        fields.put("sensitive", "true");
        WebClient.Page posted = multipart(app, browser, "/web/statuses", fields,
                Map.of("file_1", Multipart.resource("image.png")));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
        Element article = browser.get("/web/home").doc().selectFirst("article.status");
        assertThat(article.select("details.sensitive:not([open]) .media img")).hasSize(1);
    }

    @Test
    void aRefusedPostWithAnImageKeepsTheUploadedImage() {
        WebClient browser = signedIn(app, "gala");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("authenticity_token", csrf(browser));
        fields.put("status", "x".repeat(600));
        fields.put("description_1", "Kept picture");
        WebClient.Page refused = multipart(app, browser, "/web/statuses", fields,
                Map.of("file_1", Multipart.resource("image.png")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        Element form = refused.form("/web/statuses");
        assertThat(form.select("input[type=hidden][name=media_ids]")).hasSize(1);
        WebClient.Page posted = browser.submit(form, WebClient.fields("status", "Shorter now"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
        Element article = browser.get("/web/home").doc().selectFirst("article.status");
        assertThat(article.text()).contains("Shorter now");
        assertThat(article.selectFirst(".media img").attr("alt")).isEqualTo("Kept picture");
    }

    @Test
    void aReplyFromTheThreadPageMentionsTheAuthorAndJoinsTheThread() {
        Status original = post(app, "hugo", "Who wants to talk about birds?", "public");
        WebClient browser = signedIn(app, "iris");
        WebClient.Page thread = browser.get("/web/statuses/" + original.id());
        assertThat(thread.status()).as(thread.toString()).isEqualTo(200);
        Element reply = thread.doc().selectFirst("form#reply");
        assertThat(reply).as(thread.toString()).isNotNull();
        assertThat(reply.selectFirst("input[name=in_reply_to_id]").attr("value"))
                .isEqualTo(Long.toString(original.id()));
        assertThat(reply.selectFirst("textarea[name=status]").text()).isEqualTo("@hugo");
        WebClient.Page sent = browser.submit(reply, WebClient.fields("status", "@hugo Me! Starlings, mostly."));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(303);
        assertThat(sent.location()).hasValue("/web/statuses/" + original.id());
        WebClient.Page after = browser.get("/web/statuses/" + original.id());
        assertThat(after.doc().select("section[aria-label=Replies] article").text())
                .contains("Starlings, mostly.");
        // The reply's own page shows the original above it.
        String replyLink = after.doc().selectFirst("section[aria-label=Replies] article a.permalink").attr("href");
        WebClient.Page replyPage = browser.get(replyLink);
        assertThat(replyPage.doc().select("section[aria-label='Earlier in the thread'] article").text())
                .contains("Who wants to talk about birds?");
        assertThat(replyPage.doc().selectFirst("form#reply textarea").text()).isEqualTo("@hugo");
    }

    @Test
    void aReplyCarriesTheContentWarningAndTheVisibilityOfItsParent() {
        long author = app.fixtures().account("kurt").id();
        app.fixtures().account("lena"); // before the post, so that it mentions her
        Status parent = app.app().statuses().post().post(author, new social.starling.service.status.PostStatusService
                .Request("Spoilers for the film @lena", "Film ending", "unlisted", null, null, null, null,
                java.util.List.of(), null, null));
        WebClient browser = signedIn(app, "lena");
        Element reply = browser.get("/web/statuses/" + parent.id()).doc().selectFirst("form#reply");
        assertThat(reply.selectFirst("input[name=spoiler_text]").attr("value")).isEqualTo("Film ending");
        assertThat(reply.selectFirst("select[name=visibility] option[selected]").attr("value")).isEqualTo("unlisted");
        assertThat(app.app().statuses().views().one(parent.id(), author).orElseThrow().mentions()).hasSize(1);
        assertThat(reply.selectFirst("textarea").text()).as("oneself is not mentioned").isEqualTo("@kurt");
    }

    @Test
    void postingWithoutTheTokenChangesNothing() {
        WebClient browser = signedIn(app, "jonas");
        WebClient.Page refused = multipart(app, browser, "/web/statuses", Map.of("status", "forged upload"),
                Map.of("file_1", Multipart.resource("image.png")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(browser.get("/web/home").text()).doesNotContain("forged upload");
    }

    private static WebClient.Page rawPost(WebClient browser, String path, String body) {
        return WebPostTesting.rawPost(app, browser, path, body);
    }
}
