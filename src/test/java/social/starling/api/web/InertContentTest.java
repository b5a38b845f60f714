package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Hostile text from a member — a display name, bio, profile field, content warning and post with {@code <script>},
 * {@code javascript:} links, {@code <img onerror>} and a right-to-left override (U+202E) — renders inert on every
 * page that shows it: the public profile, post, hashtag and front-door pages, the RSS feed, and the web client. No
 * script but the web client's own, no event-handler attribute, no {@code javascript:} link, and names inside
 * {@code <bdi>} so the override cannot flip the text around them.
 */
class InertContentTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String RLO = "\u202E";

    @RegisterExtension
    static TestApp app = TestApp.create();

    static String postId;

    @BeforeAll
    static void hostileMember() {
        app.fixtures().account("mallory");
        HttpTester mallory = ApiClient.register(app.http(), "read write").as("mallory", "read write");
        String name = json("<script>" + RLO + "evil<img onerror=x>");
        String bio = json(SCRIPT + "<a href=\"javascript:alert(1)\">click</a>" + IMG + RLO + "txet");
        var updated = mallory.patchJson("/api/v1/accounts/update_credentials", "{\"display_name\": " + name
                + ", \"note\": " + bio + ", \"fields_attributes\": [{\"name\": " + json(IMG + RLO)
                + ", \"value\": \"javascript:alert(1)\"}], \"indexable\": true}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        var posted = mallory.postJson("/api/v1/statuses", "{\"status\": " + json(SCRIPT + " " + IMG
                + " javascript:alert(1) <a href=\"javascript:alert(1)\">x</a> #inert " + RLO + "gnp.exe")
                + ", \"spoiler_text\": " + json(SCRIPT + RLO + "cw") + "}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        postId = posted.json().get("id").asText();
    }

    @Test
    void publicPagesRenderItInert() {
        WebClient visitor = new WebClient(app.baseUrl());
        for (String path : List.of("/@mallory", "/@mallory/" + postId, "/tags/inert", "/")) {
            WebClient.Page page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertInert(page.doc(), path);
            assertThat(page.body()).as(path).contains("mallory");
        }
        Document profile = visitor.get("/@mallory").doc();
        assertThat(profile.select("#profile-name bdi").text()).contains("evil");
        assertThat(visitor.get("/@mallory/" + postId).doc().select("summary bdi").text()).contains("cw");
    }

    @Test
    void theFeedCarriesItEscaped() {
        WebClient.Page rss = new WebClient(app.baseUrl()).get("/@mallory.rss");
        assertThat(rss.status()).isEqualTo(200);
        Document feed = Jsoup.parse(rss.body(), "", Parser.xmlParser());
        assertThat(feed.select("item")).isNotEmpty();
        for (Element description : feed.select("item > description")) {
            Document html = Jsoup.parse(description.text());
            assertInert(html, "RSS description");
        }
    }

    @Test
    void theWebClientRendersItInert() {
        WebClient browser = new WebClient(app.baseUrl());
        WebTesting.signIn(browser, "mallory@example.test", Fixtures.PASSWORD);
        for (String path : List.of("/web/home", "/web/@mallory", "/web/statuses/" + postId, "/web/local")) {
            WebClient.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertInert(page.doc(), path);
        }
        Element name = browser.get("/web/home").doc().selectFirst("article.status .author bdi");
        assertThat(name).isNotNull();
        assertThat(name.text()).contains("evil");
    }

    /** No script but this server's own files, no on* attribute, no javascript: URL anywhere on the page. */
    static void assertInert(Document doc, String where) {
        for (Element script : doc.select("script")) {
            assertThat(script.attr("src")).as("a script on " + where).startsWith("/static/vendor/");
            assertThat(script.data()).as("inline script on " + where).isEmpty();
        }
        for (Element element : doc.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as("an event handler on " + where + ": " + element)
                        .doesNotStartWith("on");
                assertThat(attribute.getValue().strip().toLowerCase()).as("a javascript: URL on " + where)
                        .doesNotStartWith("javascript:");
            }
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
