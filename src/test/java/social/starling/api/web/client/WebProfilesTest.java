package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.client.WebPeopleTesting.api;
import static social.starling.api.web.client.WebPeopleTesting.browser;
import static social.starling.api.web.client.WebPeopleTesting.post;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.api.web.WebClient;
import social.starling.testing.TestApp;

/**
 * Profiles in the web client as a browser without JavaScript uses them: what a profile shows, following and
 * unfollowing, blocking (the posts leave home) and muting from it, its followers and following, hostile profile text
 * rendered inert, and nothing changed without the CSRF token.
 */
class WebProfilesTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    @Test
    void aProfileShowsTheAccountItsCountsAndItsPosts() {
        var ann = api(app, "pannie");
        assertThat(ann.patchJson("/api/v1/accounts/update_credentials", """
                {"display_name": "Pannie P", "note": "I like #birds", "fields_attributes":
                 [{"name": "Home", "value": "https://pannie.example"}]}""").status()).isEqualTo(200);
        post(app, ann, "First words");
        WebClient browser = browser(app, "pviewer");
        WebClient.Page page = browser.get("/web/@pannie");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.doc().selectFirst("h1 bdi").text()).isEqualTo("Pannie P");
        assertThat(page.doc().selectFirst(".bio").text()).contains("I like #birds");
        assertThat(page.doc().selectFirst("dl.fields dt").text()).isEqualTo("Home");
        assertThat(page.doc().selectFirst("dl.fields dd a").attr("href")).isEqualTo("https://pannie.example");
        assertThat(page.doc().selectFirst("nav.tabs a[href=/web/@pannie] .count").text()).isEqualTo("1");
        assertThat(page.doc().select("article.status").text()).contains("First words");
        assertThat(page.doc().selectFirst("form[action$=/follow] button").text()).isEqualTo("Follow");

        assertThat(browser.get("/web/@nobody-here").status()).isEqualTo(404);
        assertThat(browser.get("/web/@nobody@unknown.invalid").status()).isEqualTo(404);

        WebClient.Page own = browser.get("/web/@pviewer");
        assertThat(own.doc().selectFirst("nav.client-nav a[aria-current=page]").text()).isEqualTo("Profile");
        assertThat(own.doc().select("form[action$=/follow]")).isEmpty();
    }

    @Test
    void aMemberFollowsAndUnfollowsFromTheProfileAndTheOtherSideShowsFollowsYou() {
        api(app, "fran");
        WebClient browser = browser(app, "fred");
        WebClient.Page page = browser.get("/web/@fran");
        WebClient.Page followed = browser.submit(page.form(page.doc().selectFirst("form[action$=/follow]")
                .attr("action")), WebClient.fields());
        assertThat(followed.status()).as(followed.toString()).isEqualTo(303);
        assertThat(followed.location()).hasValue("/web/@fran");
        WebClient.Page after = browser.get("/web/@fran");
        assertThat(after.doc().selectFirst(".relationship .badges").text()).contains("Following");
        assertThat(after.doc().selectFirst("form[action$=/unfollow] button").text()).isEqualTo("Unfollow");
        assertThat(after.doc().selectFirst("nav.tabs a[href=/web/@fran/followers] .count").text()).isEqualTo("1");

        WebClient fran = browser(app, "fran");
        WebClient.Page fredSeen = fran.get("/web/@fred");
        assertThat(fredSeen.doc().selectFirst(".relationship .badges").text()).contains("Follows you");
        assertThat(fredSeen.doc().selectFirst("form[action$=/follow] button").text()).isEqualTo("Follow back");
        WebClient.Page followers = fran.get("/web/@fran/followers");
        assertThat(followers.doc().select("ul.people li.person a[href=/web/@fred]")).hasSize(1);
        assertThat(fran.get("/web/@fred/following").doc().select("li.person a[href=/web/@fran]")).hasSize(1);

        WebClient.Page unfollowed = browser.submit(after.doc().selectFirst("form[action$=/unfollow]"),
                WebClient.fields());
        assertThat(unfollowed.status()).isEqualTo(303);
        assertThat(browser.get("/web/@fran").doc().selectFirst("form[action$=/follow] button").text())
                .isEqualTo("Follow");
    }

    @Test
    void pinnedPostsComeFirstOnTheFirstPageAndOlderPostsPage() {
        var pip = api(app, "pippa");
        String pinned = post(app, pip, "The pinned one");
        for (int i = 0; i < 21; i++) {
            pip.postJson("/api/v1/statuses", "{\"status\": \"post " + i + "\"}");
        }
        assertThat(pip.post("/api/v1/statuses/" + pinned + "/pin").status()).isEqualTo(200);
        WebClient browser = browser(app, "pinviewer");
        WebClient.Page first = browser.get("/web/@pippa");
        assertThat(first.doc().select("section.pinned article.status").text()).contains("The pinned one");
        assertThat(first.doc().select("section[aria-label=Posts] article.status")).hasSize(20);
        WebClient.Page older = browser.get(first.doc().selectFirst("a[rel=next]").attr("href"));
        assertThat(older.doc().select("section.pinned")).isEmpty();
        assertThat(older.doc().select("section[aria-label=Posts] article.status")).hasSize(2);
        assertThat(older.doc().select("section[aria-label=Posts]").text()).contains("The pinned one");
    }

    @Test
    void aFollowedAccountIsAddedToAndRemovedFromAListOnItsProfile() {
        api(app, "lisa");
        WebClient browser = browser(app, "luke");
        browser.submit(browser.get("/web/lists").form("/web/lists"), WebClient.fields("title", "Close ones"));
        assertThat(browser.get("/web/@lisa").doc().select(".profile-lists")).as("not followed yet").isEmpty();
        browser.submit(browser.get("/web/@lisa").doc().selectFirst("form[action$=/follow]"), WebClient.fields());
        Element add = browser.get("/web/@lisa").doc().selectFirst(".profile-lists form");
        assertThat(add.text()).isEqualTo("Add to Close ones");
        WebClient.Page added = browser.submit(add, WebClient.fields());
        assertThat(added.location()).hasValue("/web/@lisa");
        assertThat(api(app, "luke").get("/api/v1/accounts/" + id("lisa") + "/lists").json()).hasSize(1);
        Element remove = browser.get("/web/@lisa").doc().selectFirst(".profile-lists form");
        assertThat(remove.text()).isEqualTo("Remove from Close ones");
        browser.submit(remove, WebClient.fields());
        assertThat(api(app, "luke").get("/api/v1/accounts/" + id("lisa") + "/lists").json()).isEmpty();
    }

    @Test
    void hiddenCollectionsAreEmptyForOthers() {
        var hid = api(app, "hidra");
        api(app, "hidfan").postJson("/api/v1/accounts/" + id("hidra") + "/follow", "{}");
        assertThat(hid.patchJson("/api/v1/accounts/update_credentials", "{\"hide_collections\": true}").status())
                .isEqualTo(200);
        WebClient browser = browser(app, "hidlook");
        assertThat(browser.get("/web/@hidra/followers").doc().select("li.person")).isEmpty();
        assertThat(browser(app, "hidra").get("/web/@hidra/followers").doc().select("li.person a[href=/web/@hidfan]"))
                .hasSize(1);
    }

    @Test
    void blockingFromTheProfileTakesTheirPostsOffHomeAndMutingShows() {
        var bella = api(app, "bella");
        WebClient browser = browser(app, "bruno");
        WebClient.Page page = browser.get("/web/@bella");
        browser.submit(page.doc().selectFirst("form[action$=/follow]"), WebClient.fields());
        post(app, bella, "Bella was here");
        assertThat(browser.get("/web/home").doc().select("article.status").text()).contains("Bella was here");

        WebClient.Page blocked = browser.submit(browser.get("/web/@bella").doc().selectFirst("form[action$=/block]"),
                WebClient.fields());
        assertThat(blocked.status()).isEqualTo(303);
        assertThat(browser.get("/web/home").doc().select("article.status").text()).doesNotContain("Bella was here");
        WebClient.Page after = browser.get("/web/@bella");
        assertThat(after.doc().selectFirst(".relationship .badges").text()).contains("Blocked");
        assertThat(after.doc().select("form[action$=/follow]")).isEmpty();
        assertThat(after.doc().select("article.status")).isEmpty();

        WebClient.Page unblocked = browser.submit(after.doc().selectFirst("form[action$=/unblock]"),
                WebClient.fields());
        assertThat(unblocked.status()).isEqualTo(303);
        WebClient.Page muted = browser.submit(browser.get("/web/@bella").doc().selectFirst("form[action$=/mute]"),
                WebClient.fields());
        assertThat(muted.status()).isEqualTo(303);
        WebClient.Page afterMute = browser.get("/web/@bella");
        assertThat(afterMute.doc().selectFirst(".relationship .badges").text()).contains("Muted");
        assertThat(afterMute.doc().selectFirst("form[action$=/unmute] button").text()).isEqualTo("Unmute");
        var rel = bellaRelationship("bruno");
        assertThat(rel.get("muting").asBoolean()).isTrue();
        assertThat(rel.get("blocking").asBoolean()).isFalse();
    }

    @Test
    void htmxGetsTheRelationshipBoxAlone() throws Exception {
        api(app, "hanna");
        WebClient browser = browser(app, "hector");
        WebClient.Page page = browser.get("/web/@hanna");
        Element form = page.doc().selectFirst("form[action$=/follow]");
        assertThat(form.attr("hx-post")).isEqualTo(form.attr("action"));
        var r = WebPeopleTesting.htmxPost(app, browser, form.attr("action"), WebClient.fields(
                "authenticity_token", form.selectFirst("input[name=authenticity_token]").val(),
                "return_to", "/web/@hanna"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var fragment = org.jsoup.Jsoup.parseBodyFragment(r.body());
        assertThat(fragment.select("div.relationship")).hasSize(1);
        assertThat(fragment.select("nav, h1")).isEmpty();
        assertThat(fragment.selectFirst("form[action$=/unfollow] button").text()).isEqualTo("Unfollow");
        assertThat(fragment.select("form[action$=/block]")).hasSize(1);

        var compact = WebPeopleTesting.htmxPost(app, browser, form.attr("action").replace("/follow", "/unfollow"),
                WebClient.fields("authenticity_token", form.selectFirst("input[name=authenticity_token]").val(),
                        "return_to", "/web/search?q=hanna", "box", "compact"));
        var box = org.jsoup.Jsoup.parseBodyFragment(compact.body());
        assertThat(box.selectFirst("form[action$=/follow] button").text()).isEqualTo("Follow");
        assertThat(box.selectFirst("form[action$=/follow] input[name=box]").val()).isEqualTo("compact");
        assertThat(box.select("form[action$=/block]")).isEmpty();
    }

    @Test
    void withoutTheTokenNothingChanges() {
        api(app, "tilda");
        WebClient browser = browser(app, "tomas");
        String tilda = id("tilda");
        for (String action : new String[]{"follow", "block", "mute"}) {
            WebClient.Page refused = browser.post("/web/accounts/" + tilda + "/" + action,
                    WebClient.fields("return_to", "/web/@tilda"));
            assertThat(refused.status()).as(action).isEqualTo(422);
        }
        WebClient.Page page = browser.get("/web/@tilda");
        assertThat(page.doc().select(".relationship .badges")).isEmpty();
        assertThat(page.doc().selectFirst("form[action$=/follow] button").text()).isEqualTo("Follow");
    }

    @Test
    void hostileNamesAndBiosRenderInert() {
        var evil = api(app, "evelyn");
        String name = "<script>alert(1)</script>\u202Eevil";
        var r = evil.patchJson("/api/v1/accounts/update_credentials", """
                {"display_name": %s, "note": %s, "fields_attributes": [{"name": "<img src=x onerror=alert(2)>",
                 "value": "<a href=\\"javascript:alert(3)\\">click</a>"}]}""".formatted(
                json(name), json("<script>alert(4)</script><a href=\"javascript:alert(5)\">x</a>"
                        + "<img src=x onerror=alert(6)> \u202Egnp.exe")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        post(app, evil, "hello");
        WebClient browser = browser(app, "victor");
        browser.submit(browser.get("/web/@evelyn").doc().selectFirst("form[action$=/follow]"), WebClient.fields());
        for (String path : new String[]{"/web/@evelyn", "/web/@victor/following", "/web/search?q=evelyn",
                "/web/home"}) {
            WebClient.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            var doc = page.doc();
            assertThat(doc.select("script").stream().allMatch(s -> s.attr("src").startsWith("/static/vendor/")))
                    .as(path + " has only the vendored scripts").isTrue();
            assertThat(doc.select("[onerror]")).as(path).isEmpty();
            assertThat(doc.select("a[href]").stream()
                    .noneMatch(a -> a.attr("href").toLowerCase().contains("javascript:"))).as(path).isTrue();
            assertThat(page.body()).as(path).doesNotContain("<script>alert");
            var named = doc.select("bdi").stream().filter(b -> b.text().contains("\u202E")).toList();
            assertThat(named).as(path + " shows the name inside <bdi>").isNotEmpty();
            assertThat(doc.text()).as(path).contains("<script>alert(1)</script>");
        }
    }

    private static String id(String name) {
        return Long.toString(app.fixtures().account(name).id());
    }

    private static String json(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private com.fasterxml.jackson.databind.JsonNode bellaRelationship(String viewer) {
        return api(app, viewer).get("/api/v1/accounts/relationships?id[]=" + id("bella")).json().get(0);
    }
}
