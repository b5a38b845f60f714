package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.client.WebPeopleTesting.api;
import static social.starling.api.web.client.WebPeopleTesting.browser;
import static social.starling.api.web.client.WebPeopleTesting.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.api.web.WebClient;
import social.starling.testing.RemoteActorStub;
import social.starling.testing.TestApp;

/**
 * Search in the web client, as GET /api/v2/search?resolve=true answers: local people by prefix with a follow button,
 * hashtags linking to their public page, a post's address resolved to the post; a remote handle, actor URL or post
 * URL resolved from the (stub) remote server.
 */
class WebSearchTest {
    static final RemoteActorStub remote = RemoteActorStub.start();

    @RegisterExtension
    static TestApp app = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");

    @AfterAll
    static void stop() {
        remote.close();
    }

    @Test
    void theFormIsThereAndAnEmptyQueryFindsNothing() {
        WebClient browser = browser(app, "sam");
        WebClient.Page page = browser.get("/web/search");
        assertThat(page.status()).isEqualTo(200);
        Element form = page.form("/web/search");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(page.doc().selectFirst("label[for=search-q]")).isNotNull();
        assertThat(page.doc().selectFirst("nav.client-nav a[aria-current=page]").text()).isEqualTo("Search");
        assertThat(browser.submit(form, WebClient.fields("q", "zzzznothing")).text()).contains("Nothing found");
    }

    @Test
    void localPeopleAndHashtagsAreFoundAndFollowedFromTheResults() {
        var seren = api(app, "serendipity");
        post(app, seren, "Talking about #serenade today");
        api(app, "serenity");
        WebClient browser = browser(app, "searcher");
        WebClient.Page found = browser.submit(browser.get("/web/search").form("/web/search"),
                WebClient.fields("q", "seren"));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.doc().select("li.person a[href=/web/@serendipity]")).hasSize(1);
        assertThat(found.doc().select("li.person a[href=/web/@serenity]")).hasSize(1);
        assertThat(found.doc().selectFirst("ul.hashtags a").attr("href")).isEqualTo("/tags/serenade");

        Element row = found.doc().select("li.person").stream()
                .filter(li -> li.selectFirst("a[href=/web/@serenity]") != null).findFirst().orElseThrow();
        assertThat(row.select("form[action$=/block]")).as("only Follow in a list of people").isEmpty();
        assertThat(row.selectFirst("form[action$=/follow] button").attr("aria-label")).isEqualTo("Follow @serenity");
        WebClient.Page followed = browser.submit(row.selectFirst("form[action$=/follow]"), WebClient.fields());
        assertThat(followed.status()).isEqualTo(303);
        assertThat(followed.location()).hasValue("/web/search?q=seren");
        assertThat(browser.get("/web/@serenity").doc().selectFirst("form[action$=/unfollow]")).isNotNull();
        assertThat(app.http().get("/tags/serenade").status()).isEqualTo(200);
    }

    @Test
    void aLocalPostsAddressFindsThePost() {
        var pia = api(app, "pia");
        String id = post(app, pia, "Findable words");
        String url = pia.get("/api/v1/statuses/" + id).json().get("url").asText();
        WebClient browser = browser(app, "pete");
        WebClient.Page found = browser.get("/web/search?q=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
        assertThat(found.doc().select("article.status")).hasSize(1);
        assertThat(found.doc().selectFirst("article.status").text()).contains("Findable words");
        assertThat(found.doc().select("li.person")).isEmpty();
    }

    @Test
    void aRemoteHandleAndARemotePostAreResolved() {
        var dana = remote.actor("dana");
        WebClient browser = browser(app, "rosa");
        String handle = "@dana@" + remote.domain();
        WebClient.Page found = browser.get("/web/search?q=" + URLEncoder.encode(handle, StandardCharsets.UTF_8));
        assertThat(found.doc().select("li.person a[href=/web/@dana@" + remote.domain() + "]"))
                .as(found.toString()).hasSize(1);
        WebClient.Page profile = browser.get("/web/@dana@" + remote.domain());
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.doc().selectFirst(".handle").text()).contains("dana@" + remote.domain());

        ObjectNode note = new ObjectMapper().createObjectNode();
        note.put("id", dana.id("notes/1")).put("type", "Note").put("attributedTo", dana.uri())
                .put("content", "<p>From afar</p>").put("published", "2026-01-01T00:00:00Z");
        note.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        remote.serve("/users/dana/notes/1", note.toString());
        WebClient.Page post = browser.get("/web/search?q=" + URLEncoder.encode(dana.id("notes/1"),
                StandardCharsets.UTF_8));
        assertThat(post.doc().select("article.status").text()).as(post.toString()).contains("From afar");
    }
}
