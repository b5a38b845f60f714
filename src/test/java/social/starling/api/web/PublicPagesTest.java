package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The public pages of a member and a hashtag, as a logged-out browser and feed readers see them: public posts
 * listed (never unlisted, private or direct ones), paging, OpenGraph and alternate links, noindex for members who
 * are not indexable, RSS feeds, and the same URLs still answering ActivityPub.
 */
class PublicPagesTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @RegisterExtension
    static TestApp app = TestApp.create();

    static String publicId;
    static String unlistedId;
    static String privateId;
    static String directId;
    static String pinnedId;
    static String bobPostId;
    static String pictureId;
    static long remoteId;
    static String remoteUri;

    @BeforeAll
    static void posts() {
        app.fixtures().account("alice");
        app.fixtures().account("bob");
        app.fixtures().account("carol");
        app.fixtures().account("dora");
        app.fixtures().account("gone");
        ApiClient client = ApiClient.register(app.http(), "read write");
        HttpTester alice = client.as("alice", "write");
        assertThat(alice.patchJson("/api/v1/accounts/update_credentials", """
                {"display_name": "Alice Liddell", "note": "Down the rabbit hole", "indexable": true}""")
                .status()).isEqualTo(200);
        pinnedId = post(alice, "{\"status\": \"A pinned welcome\"}");
        assertThat(alice.post("/api/v1/statuses/" + pinnedId + "/pin").status()).isEqualTo(200);
        publicId = post(alice, "{\"status\": \"Tea in the #garden & <cake>\"}");
        post(alice, "{\"status\": \"The real story\", \"spoiler_text\": \"Spoilers ahead\"}");
        unlistedId = post(alice, "{\"status\": \"Quiet unlisted words\", \"visibility\": \"unlisted\"}");
        privateId = post(alice, "{\"status\": \"Followers-only secret #garden\", \"visibility\": \"private\"}");
        directId = post(alice, "{\"status\": \"@bob a direct secret\", \"visibility\": \"direct\"}");
        bobPostId = post(client.as("bob", "write"), "{\"status\": \"Bob keeps out of search engines\"}");
        String dora = client.login("dora", social.starling.testing.Fixtures.PASSWORD, "write");
        HttpResult header = new social.starling.testing.Multipart()
                .file("header", "header.png", "image/png", social.starling.testing.Multipart.resource("image.png"))
                .send("PATCH", app.baseUrl() + "/api/v1/accounts/update_credentials", dora);
        assertThat(header.status()).as(header.body()).isEqualTo(200);
        HttpResult upload = new social.starling.testing.Multipart()
                .file("file", "image.png", "image/png", social.starling.testing.Multipart.resource("image.png"))
                .field("description", "A small picture")
                .send("POST", app.baseUrl() + "/api/v2/media", dora);
        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        pictureId = post(app.http().withToken(dora), "{\"status\": \"Look at this\", \"media_ids\": [\""
                + upload.json().get("id").asText() + "\"]}");
        HttpTester gone = client.as("gone", "write");
        post(gone, "{\"status\": \"Suspended gardener #garden\"}");
        app.app().core().db().inTransaction(tx -> social.starling.db.TestSql.dsl(tx)
                .update(social.starling.db.schema.Tables.ACCOUNTS)
                .set(social.starling.db.schema.Tables.ACCOUNTS.SUSPENDED_AT, java.time.Instant.now())
                .where(social.starling.db.schema.Tables.ACCOUNTS.USERNAME_KEY.eq("gone")).execute());
        remoteStatus();
        HttpTester carol = client.as("carol", "write");
        for (int i = 1; i <= 21; i++) {
            post(carol, "{\"status\": \"Carol post number " + i + " #counting\"}");
        }
    }

    /** A remote account's public status tagged #garden, written straight to the database. */
    static void remoteStatus() {
        var core = app.app().core();
        java.time.Instant now = core.clock().instant();
        String base = "https://remote.example/users/meow";
        var a = new social.starling.model.Account(core.ids().next(), "meow", "remote.example", "", "", "",
                List.of(), base, "https://remote.example/@meow", base + "/inbox", null, base + "/outbox",
                base + "/followers", base + "/following", null, "Person", false, true, false, false, false, null,
                null, null, null, null, 0, 0, 0, null, null, null, now, now);
        var meow = core.db().inTransaction(tx -> app.app().accounts().writer().upsertRemote(tx, a, now));
        remoteId = core.ids().next();
        remoteUri = meow.uri() + "/statuses/" + remoteId;
        var s = new social.starling.model.Status(remoteId, meow.id(), remoteUri, null, false,
                social.starling.model.Visibility.PUBLIC, "", "<p>Remote #garden news</p>", "", false, null, null,
                null, null, null, null, null, 0, 0, 0, 0, null, now);
        core.db().inTransaction(tx -> {
            app.app().repos().statuses().insert(tx, s);
            app.app().repos().tags().attach(tx, remoteId,
                    app.app().repos().tags().findOrCreate(tx, "garden", core.ids(), now).id(), now);
            return null;
        });
    }

    static String post(HttpTester as, String json) {
        HttpResult r = as.postJson("/api/v1/statuses", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    static HttpResult get(String path, String accept) {
        return app.http().send("GET", path, Map.of("Accept", accept), null);
    }

    static Document page(String path) {
        HttpResult r = get(path, BROWSER);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        return Jsoup.parse(r.body(), app.baseUrl() + path);
    }

    static String meta(Document doc, String property) {
        var e = doc.selectFirst("meta[property=" + property + "]");
        assertThat(e).as("meta " + property).isNotNull();
        return e.attr("content");
    }

    @Test
    void theProfileListsPublicPostsOnly() {
        Document doc = page("/@alice");
        String posts = doc.select("section[aria-labelledby=latest-posts]").text();
        assertThat(posts).contains("Tea in the #garden & <cake>").contains("The real story")
                .doesNotContain("Quiet unlisted").doesNotContain("Followers-only").doesNotContain("direct secret");
        assertThat(doc.select("section.pinned").text()).contains("A pinned welcome");
        assertThat(doc.select("a.permalink").eachAttr("href")).contains("/@alice/" + publicId)
                .doesNotContain("/@alice/" + unlistedId, "/@alice/" + privateId, "/@alice/" + directId);
        var details = doc.selectFirst("article details");
        assertThat(details).as("a content warning is a details element").isNotNull();
        assertThat(details.selectFirst("summary").text()).isEqualTo("Spoilers ahead");
        assertThat(details.text()).contains("The real story");
        assertThat(doc.selectFirst("time").attr("datetime")).endsWith("Z");
        assertThat(doc.select("a[rel=next]")).as("a single page has no older link").isEmpty();
    }

    @Test
    void theProfileHasOpenGraphAndAlternates() {
        Document doc = page("/@alice");
        assertThat(meta(doc, "og:title")).contains("Alice Liddell");
        assertThat(meta(doc, "og:description")).isEqualTo("Down the rabbit hole");
        assertThat(meta(doc, "og:type")).isEqualTo("profile");
        assertThat(meta(doc, "og:url")).isEqualTo(app.baseUrl() + "/@alice");
        assertThat(doc.selectFirst("link[rel=alternate][type=application/activity+json]").attr("href"))
                .isEqualTo(app.baseUrl() + "/users/alice");
        assertThat(doc.selectFirst("link[rel=alternate][type=application/rss+xml]").attr("href"))
                .isEqualTo(app.baseUrl() + "/@alice.rss");
        assertThat(doc.select("meta[name=robots]")).as("alice is indexable").isEmpty();
        assertThat(page("/@bob").select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    @Test
    void olderPostsArePaged() {
        Document first = page("/@carol");
        assertThat(first.select("section[aria-labelledby=latest-posts] article")).hasSize(20);
        assertThat(first.text()).contains("Carol post number 21").doesNotContain("Carol post number 1 ");
        String older = first.selectFirst("a[rel=next]").attr("href");
        assertThat(older).startsWith("/@carol?max_id=");
        Document second = page(older);
        assertThat(second.select("section[aria-labelledby=latest-posts] article")).hasSize(1);
        assertThat(second.text()).contains("Carol post number 1");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(get("/@carol?max_id=soon", BROWSER).status()).isEqualTo(400);

        Document tag = page("/tags/counting");
        assertThat(tag.select("main article")).hasSize(20);
        String olderTagged = tag.selectFirst("a[rel=next]").attr("href");
        assertThat(olderTagged).startsWith("/tags/counting?max_id=");
        Document tagSecond = page(olderTagged);
        assertThat(tagSecond.select("main article")).hasSize(1);
        assertThat(tagSecond.text()).contains("Carol post number 1 ");
        assertThat(tagSecond.select("a[rel=next]")).isEmpty();
    }

    @Test
    void postPagesOfPublicAndUnlistedPostsButNotPrivateOnes() {
        Document doc = page("/@alice/" + publicId);
        assertThat(meta(doc, "og:type")).isEqualTo("article");
        assertThat(meta(doc, "og:description")).isEqualTo("Tea in the #garden & <cake>");
        assertThat(meta(doc, "og:url")).isEqualTo(app.baseUrl() + "/@alice/" + publicId);
        assertThat(doc.selectFirst("link[rel=alternate][type=application/activity+json]").attr("href"))
                .isEqualTo(app.baseUrl() + "/users/alice/statuses/" + publicId);
        assertThat(doc.select("meta[name=robots]")).isEmpty();
        assertThat(page("/@alice/" + unlistedId).text()).contains("Quiet unlisted words");
        assertThat(get("/@alice/" + privateId, BROWSER).status()).isEqualTo(404);
        assertThat(get("/@alice/" + directId, BROWSER).status()).isEqualTo(404);
        assertThat(page("/@bob/" + bobPostId).select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    @Test
    void theProfileFeedIsRssOfPublicPosts() throws Exception {
        HttpResult r = get("/@alice.rss", "*/*");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        List<Map<String, String>> items = items(r.body());
        assertThat(items).extracting(i -> i.get("title"))
                .contains("Tea in the #garden & <cake>", "Spoilers ahead", "A pinned welcome")
                .noneMatch(t -> t.contains("Quiet") || t.contains("secret"));
        Map<String, String> tea = items.stream().filter(i -> i.get("title").startsWith("Tea")).findFirst()
                .orElseThrow();
        assertThat(tea.get("link")).isEqualTo(app.baseUrl() + "/@alice/" + publicId);
        assertThat(tea.get("guid")).isEqualTo(tea.get("link"));
        assertThat(tea.get("description")).startsWith("<p>").contains("&amp;");
        DateTimeFormatter.RFC_1123_DATE_TIME.parse(tea.get("pubDate"));
        assertThat(r.body()).contains("&lt;p&gt;");

        HttpResult asActivity = get("/@alice.rss", "application/activity+json");
        assertThat(asActivity.header("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        assertThat(get("/@nobody.rss", "*/*").status()).isEqualTo(404);
        assertThat(get("/@gone.rss", "*/*").status()).as("suspended").isEqualTo(404);
        assertThat(get("/@gone", BROWSER).status()).as("suspended").isEqualTo(404);
    }

    @Test
    void theTagPageAndFeedListTaggedPublicPosts() throws Exception {
        Document doc = page("/tags/garden");
        assertThat(doc.select("main article").text()).contains("Tea in the #garden")
                .contains("Remote #garden news").contains("@meow@remote.example")
                .doesNotContain("Followers-only").doesNotContain("Suspended gardener");
        assertThat(doc.select("a.permalink").eachAttr("href")).contains(remoteUri, "/@alice/" + publicId);
        assertThat(meta(doc, "og:title")).isEqualTo("#garden");
        assertThat(meta(doc, "og:url")).isEqualTo(app.baseUrl() + "/tags/garden");
        assertThat(doc.selectFirst("link[rel=alternate][type=application/rss+xml]").attr("href"))
                .isEqualTo(app.baseUrl() + "/tags/garden.rss");
        assertThat(page("/tags/nothinghere").select("main article")).isEmpty();

        HttpResult r = get("/tags/garden.rss", "*/*");
        assertThat(r.header("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        assertThat(items(r.body())).extracting(i -> i.get("link"))
                .containsExactly(remoteUri, app.baseUrl() + "/@alice/" + publicId);
    }

    @Test
    void headerImageAndMediaThumbnails() {
        Document doc = page("/@dora");
        assertThat(doc.selectFirst("section.profile img.header")).as("the header image").isNotNull();
        var thumbnail = doc.selectFirst("article .media img");
        assertThat(thumbnail).as("a thumbnail of the attachment").isNotNull();
        assertThat(thumbnail.attr("alt")).isEqualTo("A small picture");
        assertThat(thumbnail.attr("src")).isNotBlank();
        assertThat(meta(page("/@dora/" + pictureId), "og:image")).isEqualTo(thumbnail.absUrl("src"));
        assertThat(page("/@alice").select("section.profile img.header")).as("alice has no header").isEmpty();
    }

    @Test
    void theProfileUrlStillAnswersTheActor() {
        HttpResult r = get("/@alice", "application/activity+json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("type").asText()).isEqualTo("Person");
        assertThat(r.json().get("id").asText()).isEqualTo(app.baseUrl() + "/users/alice");
    }

    /** Parses RSS as XML (so it must be well-formed): each item's child elements by name. */
    static List<Map<String, String>> items(String xml) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("rss");
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        NodeList nodes = doc.getElementsByTagName("item");
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element item = (Element) nodes.item(i);
            Map<String, String> fields = new java.util.HashMap<>();
            for (String name : List.of("title", "link", "guid", "pubDate", "description")) {
                NodeList found = item.getElementsByTagName(name);
                assertThat(found.getLength()).as(name).isEqualTo(1);
                fields.put(name, found.item(0).getTextContent());
            }
            items.add(fields);
        }
        return items;
    }
}
