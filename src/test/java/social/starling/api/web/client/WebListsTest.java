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
 * Lists in the web client: create one (title and replies policy), add people the member follows (found by search
 * among them), read the list's timeline, remove a member, rename, delete after a confirmation; someone else's list
 * is a 404 and nothing changes without the CSRF token.
 */
class WebListsTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    @Test
    void aListIsCreatedFilledReadAndEmptied() {
        var mia = api(app, "mia");
        api(app, "milo");
        WebClient browser = browser(app, "lister");
        follow(browser, "mia");

        WebClient.Page lists = browser.get("/web/lists");
        assertThat(lists.status()).isEqualTo(200);
        assertThat(lists.doc().selectFirst("nav.client-nav a[aria-current=page]").text()).isEqualTo("Lists");
        WebClient.Page created = browser.submit(lists.form("/web/lists"),
                WebClient.fields("title", "Friends <3", "replies_policy", "followed"));
        assertThat(created.status()).as(created.toString()).isEqualTo(303);
        String membersPath = created.location().orElseThrow();
        assertThat(membersPath).matches("/web/lists/\\d+/members");
        String listPath = membersPath.replace("/members", "");
        var apiList = api(app, "lister").get("/api/v1/lists").json().get(0);
        assertThat(apiList.get("title").asText()).isEqualTo("Friends <3");
        assertThat(apiList.get("replies_policy").asText()).isEqualTo("followed");

        WebClient.Page members = browser.get(membersPath);
        assertThat(members.doc().select("ul.candidates a[href=/web/@mia]")).hasSize(1);
        WebClient.Page searched = browser.submit(members.form(membersPath), WebClient.fields("q", "mi"));
        assertThat(searched.doc().select("ul.candidates a[href=/web/@mia]")).hasSize(1);
        assertThat(searched.doc().select("ul.candidates a[href=/web/@milo]")).as("not followed").isEmpty();
        Element add = searched.doc().selectFirst("ul.candidates form[action=" + membersPath + "]");
        WebClient.Page added = browser.submit(add, WebClient.fields());
        assertThat(added.status()).as(added.toString()).isEqualTo(303);
        assertThat(added.location()).hasValue(membersPath + "?q=mi");
        WebClient.Page after = browser.get(membersPath);
        assertThat(after.doc().select("ul.members a[href=/web/@mia]")).hasSize(1);
        assertThat(after.doc().select("ul.candidates a[href=/web/@mia]")).isEmpty();

        post(app, mia, "Posted for the list");
        WebClient.Page timeline = browser.get(listPath);
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.doc().selectFirst("h1").text()).isEqualTo("Friends <3");
        assertThat(timeline.doc().select("article.status").text()).contains("Posted for the list");

        WebClient.Page removed = browser.submit(browser.get(membersPath).doc()
                .selectFirst("ul.members form[action$=/remove]"), WebClient.fields());
        assertThat(removed.status()).isEqualTo(303);
        assertThat(browser.get(membersPath).doc().select("ul.members a[href=/web/@mia]")).isEmpty();
        assertThat(browser.get(listPath).doc().select("article.status")).isEmpty();
    }

    @Test
    void theListTimelinePagesWithOlderPosts() {
        var pat = api(app, "pat");
        WebClient browser = browser(app, "pager");
        follow(browser, "pat");
        String listPath = create(browser, "Many");
        browser.submit(browser.get(listPath + "/members").doc().selectFirst("ul.candidates form"),
                WebClient.fields());
        for (int i = 0; i < 22; i++) {
            pat.postJson("/api/v1/statuses", "{\"status\": \"number " + i + "\"}");
        }
        app.awaitDistributed();
        WebClient.Page first = browser.get(listPath);
        assertThat(first.doc().select("article.status")).hasSize(20);
        Element older = first.doc().selectFirst("a[rel=next]");
        assertThat(older.text()).isEqualTo("Older posts");
        WebClient.Page second = browser.get(older.attr("href"));
        assertThat(second.doc().select("article.status")).hasSize(2);
        assertThat(second.doc().select("article.status").text()).contains("number 0").contains("number 1");
        assertThat(second.doc().selectFirst("a[rel=next]")).isNull();
    }

    @Test
    void aListIsRenamedAndDeletedAfterAConfirmation() {
        WebClient browser = browser(app, "renamer");
        String listPath = create(browser, "Old name");
        String id = listPath.substring(listPath.lastIndexOf('/') + 1);
        WebClient.Page lists = browser.get("/web/lists");
        WebClient.Page renamed = browser.submit(lists.form(listPath),
                WebClient.fields("title", "New name", "replies_policy", "none", "exclusive", "on"));
        assertThat(renamed.status()).isEqualTo(303);
        assertThat(renamed.location()).hasValue("/web/lists");
        var apiList = api(app, "renamer").get("/api/v1/lists/" + id).json();
        assertThat(apiList.get("title").asText()).isEqualTo("New name");
        assertThat(apiList.get("replies_policy").asText()).isEqualTo("none");
        assertThat(apiList.get("exclusive").asBoolean()).isTrue();
        WebClient.Page edited = browser.get("/web/lists");
        assertThat(edited.doc().selectFirst("option[value=none]").hasAttr("selected")).isTrue();
        assertThat(edited.doc().selectFirst("input[name=exclusive]").hasAttr("checked")).isTrue();
        browser.submit(edited.form(listPath), WebClient.fields("exclusive", null));
        assertThat(api(app, "renamer").get("/api/v1/lists/" + id).json().get("exclusive").asBoolean()).isFalse();
        assertThat(api(app, "renamer").get("/api/v1/lists/" + id).json().get("title").asText()).isEqualTo("New name");

        WebClient.Page confirm = browser.get(browser.get("/web/lists").doc()
                .selectFirst("a[href=" + listPath + "/delete]").attr("href"));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.doc().selectFirst("h1").text()).contains("New name");
        WebClient.Page deleted = browser.submit(confirm.form(listPath + "/delete"), WebClient.fields());
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(deleted.location()).hasValue("/web/lists");
        assertThat(browser.get(listPath).status()).isEqualTo(404);
        assertThat(api(app, "renamer").get("/api/v1/lists").json()).isEmpty();
    }

    @Test
    void someoneElsesListIsNotFoundAndNothingChangesWithoutTheToken() {
        WebClient owner = browser(app, "lowner");
        String listPath = create(owner, "Private");
        WebClient other = browser(app, "lstranger");
        assertThat(other.get(listPath).status()).isEqualTo(404);
        assertThat(other.get(listPath + "/members").status()).isEqualTo(404);
        assertThat(other.get(listPath + "/delete").status()).isEqualTo(404);

        assertThat(owner.post(listPath + "/delete", WebClient.fields()).status()).isEqualTo(422);
        assertThat(owner.post(listPath, WebClient.fields("title", "Hijacked")).status()).isEqualTo(422);
        assertThat(owner.post("/web/lists", WebClient.fields("title", "Forged")).status()).isEqualTo(422);
        var lists = api(app, "lowner").get("/api/v1/lists").json();
        assertThat(lists).hasSize(1);
        assertThat(lists.get(0).get("title").asText()).isEqualTo("Private");
    }

    private static void follow(WebClient browser, String name) {
        WebClient.Page done = browser.submit(browser.get("/web/@" + name).doc()
                .selectFirst("form[action$=/follow]"), WebClient.fields());
        assertThat(done.status()).isEqualTo(303);
    }

    /** Creates a list from /web/lists and answers its path. */
    private static String create(WebClient browser, String title) {
        WebClient.Page created = browser.submit(browser.get("/web/lists").form("/web/lists"),
                WebClient.fields("title", title));
        assertThat(created.status()).as(created.toString()).isEqualTo(303);
        return created.location().orElseThrow().replace("/members", "");
    }
}
