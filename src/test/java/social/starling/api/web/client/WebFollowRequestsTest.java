package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.client.WebPeopleTesting.api;
import static social.starling.api.web.client.WebPeopleTesting.browser;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.api.web.WebClient;
import social.starling.testing.TestApp;

/**
 * Follow requests in the web client: following a locked account shows the request (and can cancel it); the locked
 * member sees it on /web/follow_requests and accepts or rejects it; nothing changes without the CSRF token.
 */
class WebFollowRequestsTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    @Test
    void aRequestToALockedAccountIsAcceptedOnFollowRequests() {
        lock("lena");
        WebClient leo = browser(app, "leo");
        WebClient.Page profile = leo.get("/web/@lena");
        assertThat(profile.doc().selectFirst(".handle").text()).contains("Approves followers");
        leo.submit(profile.doc().selectFirst("form[action$=/follow]"), WebClient.fields());
        WebClient.Page requested = leo.get("/web/@lena");
        assertThat(requested.doc().selectFirst(".relationship .badges").text()).contains("Follow requested");
        assertThat(requested.doc().selectFirst("form[action$=/unfollow] button").text()).isEqualTo("Cancel request");

        WebClient lena = browser(app, "lena");
        WebClient.Page requests = lena.get("/web/follow_requests");
        assertThat(requests.status()).isEqualTo(200);
        assertThat(requests.doc().selectFirst("nav.client-nav a[aria-current=page]").text())
                .isEqualTo("Follow requests");
        Element row = requests.doc().selectFirst("li.person");
        assertThat(row.selectFirst("a[href=/web/@leo]")).isNotNull();
        WebClient.Page accepted = lena.submit(row.selectFirst("form[action$=/authorize]"), WebClient.fields());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(303);
        assertThat(accepted.location()).hasValue("/web/follow_requests");
        assertThat(lena.get("/web/follow_requests").doc().select("li.person")).isEmpty();
        assertThat(lena.get("/web/@leo").doc().selectFirst(".relationship .badges").text()).contains("Follows you");

        WebClient.Page following = leo.get("/web/@lena");
        assertThat(following.doc().selectFirst(".relationship .badges").text()).contains("Following")
                .doesNotContain("requested");
        assertThat(following.doc().selectFirst("form[action$=/unfollow] button").text()).isEqualTo("Unfollow");
    }

    @Test
    void aRejectedRequestIsGoneAndACancelledOneToo() {
        lock("rhea");
        WebClient ray = browser(app, "ray");
        ray.submit(ray.get("/web/@rhea").doc().selectFirst("form[action$=/follow]"), WebClient.fields());
        WebClient rhea = browser(app, "rhea");
        WebClient.Page requests = rhea.get("/web/follow_requests");
        WebClient.Page rejected = rhea.submit(requests.doc().selectFirst("form[action$=/reject]"),
                WebClient.fields());
        assertThat(rejected.status()).isEqualTo(303);
        assertThat(rhea.get("/web/follow_requests").doc().select("li.person")).isEmpty();
        assertThat(ray.get("/web/@rhea").doc().selectFirst("form[action$=/follow] button").text())
                .isEqualTo("Follow");

        WebClient rod = browser(app, "rod");
        rod.submit(rod.get("/web/@rhea").doc().selectFirst("form[action$=/follow]"), WebClient.fields());
        rod.submit(rod.get("/web/@rhea").doc().selectFirst("form[action$=/unfollow]"), WebClient.fields());
        assertThat(rhea.get("/web/follow_requests").doc().select("li.person")).isEmpty();
    }

    @Test
    void htmxGetsTheAnsweredRowAlone() throws Exception {
        lock("hazel");
        WebClient hugo = browser(app, "hugo");
        hugo.submit(hugo.get("/web/@hazel").doc().selectFirst("form[action$=/follow]"), WebClient.fields());
        WebClient hazel = browser(app, "hazel");
        Element form = hazel.get("/web/follow_requests").doc().selectFirst("form[action$=/authorize]");
        assertThat(form.attr("hx-post")).isEqualTo(form.attr("action"));
        var r = WebPeopleTesting.htmxPost(app, hazel, form.attr("action"), WebClient.fields(
                "authenticity_token", form.selectFirst("input[name=authenticity_token]").val()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var row = org.jsoup.Jsoup.parseBodyFragment(r.body());
        assertThat(row.select("li.answered")).hasSize(1);
        assertThat(row.text()).contains("hugo").contains("request accepted");
        assertThat(row.select("nav")).isEmpty();
        assertThat(hazel.get("/web/@hugo").doc().selectFirst(".relationship .badges").text()).contains("Follows you");
    }

    @Test
    void withoutTheTokenNoRequestIsAnswered() {
        lock("nora");
        WebClient ned = browser(app, "ned");
        ned.submit(ned.get("/web/@nora").doc().selectFirst("form[action$=/follow]"), WebClient.fields());
        WebClient nora = browser(app, "nora");
        String nedId = Long.toString(app.fixtures().account("ned").id());
        WebClient.Page refused = nora.post("/web/follow_requests/" + nedId + "/authorize",
                WebClient.fields("return_to", "/web/follow_requests"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(nora.post("/web/follow_requests/" + nedId + "/reject", WebClient.fields()).status())
                .isEqualTo(422);
        assertThat(nora.get("/web/follow_requests").doc().select("li.person a[href=/web/@ned]")).hasSize(1);
    }

    private static void lock(String name) {
        var r = api(app, name).patchJson("/api/v1/accounts/update_credentials", "{\"locked\": true}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
}
