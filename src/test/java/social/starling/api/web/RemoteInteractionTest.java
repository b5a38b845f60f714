package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Remote interaction between two Starling servers on loopback, as people in browsers meet it: a visitor of
 * alice's pages on A who lives on B is sent to B's {@code /authorize_interaction} with alice's (or her post's) id;
 * on B, bob signs in there, follows alice, and the follow arrives on A; A's page of a remote account shows what A
 * knows of it, without asking B. The tests run in order; each builds on the state the previous ones left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteInteractionTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static TestApp a;
    private static TestApp b;
    private static HttpTester alice;
    private static HttpTester bob;
    private static String alicePost;

    @BeforeAll
    static void start() throws Exception {
        a = server();
        b = server();
        a.fixtures().account("alice");
        b.fixtures().account("bob");
        alice = ApiClient.register(a.http(), "read write follow").as("alice", "read write follow");
        bob = ApiClient.register(b.http(), "read write follow").as("bob", "read write follow");
        assertThat(alice.patchJson("/api/v1/accounts/update_credentials",
                "{\"display_name\": \"Alice Liddell\", \"note\": \"Down the rabbit hole\"}").status()).isEqualTo(200);
        HttpResult posted = alice.postJson("/api/v1/statuses", "{\"status\": \"Tea at four\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        alicePost = posted.json().get("id").asText();
    }

    private static TestApp server() throws Exception {
        TestApp app = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");
        app.start();
        return app;
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.stop();
        }
        if (b != null) {
            b.stop();
        }
    }

    private static String domain(TestApp app) {
        return app.baseUrl().replaceFirst("^https?://", "");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void ourWebFingerAnswerCarriesTheSubscribeTemplate() {
        HttpResult r = a.http().get("/.well-known/webfinger?resource=" + encode("acct:alice@" + domain(a)));
        assertThat(r.status()).isEqualTo(200);
        String template = null;
        for (JsonNode link : r.json().get("links")) {
            if (link.get("rel").asText().equals("http://ostatus.org/schema/1.0/subscribe")) {
                template = link.get("template").asText();
            }
        }
        assertThat(template).isEqualTo(a.baseUrl() + "/authorize_interaction?uri={uri}");
    }

    @Test
    @Order(2)
    void aVisitorFromBIsSentHomeWithAlicesIdAndHerPostsId() {
        WebClient visitor = new WebClient(a.baseUrl());
        WebClient.Page profile = visitor.get("/@alice");
        assertThat(profile.status()).isEqualTo(200);
        WebClient.Page sent = visitor.submit(profile.form("/remote_interaction"),
                WebClient.fields("acct", "@bob@" + domain(b)));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(303);
        assertThat(sent.location()).hasValue(b.baseUrl() + "/authorize_interaction?uri="
                + encode(a.baseUrl() + "/users/alice"));

        WebClient.Page post = visitor.get("/@alice/" + alicePost);
        assertThat(post.status()).isEqualTo(200);
        WebClient.Page fromPost = visitor.submit(post.form("/remote_interaction"),
                WebClient.fields("acct", "bob@" + domain(b)));
        assertThat(fromPost.status()).as(fromPost.toString()).isEqualTo(303);
        assertThat(fromPost.location()).hasValue(b.baseUrl() + "/authorize_interaction?uri="
                + encode(a.baseUrl() + "/users/alice/statuses/" + alicePost));
    }

    @Test
    @Order(3)
    void aMalformedHandleAnUnknownAccountOrAMissingTokenIsA422Page() {
        WebClient visitor = new WebClient(a.baseUrl());
        Element form = visitor.get("/@alice").form("/remote_interaction");
        for (String handle : new String[] {"bob", "bob@", "@bob@", "bob@exa mple.org", "bob@/evil"}) {
            WebClient.Page refused = visitor.submit(form, WebClient.fields("acct", handle));
            assertThat(refused.status()).as(handle + ": " + refused).isEqualTo(422);
            assertThat(refused.text()).contains("full handle");
        }
        WebClient.Page unknown = visitor.submit(form, WebClient.fields("acct", "nobody@" + domain(b)));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.text()).contains("could not find nobody@" + domain(b));
        WebClient.Page forged = visitor.post("/remote_interaction",
                WebClient.fields("acct", "bob@" + domain(b), "uri", a.baseUrl() + "/users/alice"));
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.location()).isEmpty();
    }

    @Test
    @Order(4)
    void aRemoteAccountUnknownHereIsA404AndNeverFetched() {
        WebClient.Page page = new WebClient(a.baseUrl()).get("/@bob@" + domain(b));
        assertThat(page.status()).as(page.toString()).isEqualTo(404);
        // The visit did not make A ask B: A still does not know bob.
        assertThat(a.app().accounts().queries().lookup("bob@" + domain(b))).isEmpty();
        assertThat(new WebClient(b.baseUrl()).get("/@nobody@nowhere.example").status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void bobAuthorizesTheInteractionOnBAndFollowsAlice() {
        String target = "/authorize_interaction?uri=" + encode(a.baseUrl() + "/users/alice");
        WebClient browser = new WebClient(b.baseUrl());
        WebClient.Page visitor = browser.get(target);
        assertThat(visitor.status()).isEqualTo(302);
        assertThat(visitor.location()).hasValue("/auth/sign_in");
        WebClient.Page signedIn = WebTesting.signIn(browser, "bob@example.test", Fixtures.PASSWORD);
        assertThat(signedIn.location()).hasValue(target);

        WebClient.Page page = browser.get(target);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.text()).contains("Alice Liddell", "@alice@" + domain(a), "Down the rabbit hole");
        WebClient.Page followed = browser.submit(page.form("/authorize_interaction/follow"), WebClient.fields());
        assertThat(followed.status()).as(followed.toString()).isEqualTo(303);
        assertThat(followed.location()).hasValue("/web/@alice@" + domain(a));

        Await.until(WAIT, () -> alice.get("/api/v1/accounts/" + aliceId() + "/followers").json().size() == 1);
        JsonNode follower = alice.get("/api/v1/accounts/" + aliceId() + "/followers").json().get(0);
        assertThat(follower.get("acct").asText()).isEqualTo("bob@" + domain(b));
        // The same page now says so, and offers no second follow.
        WebClient.Page again = browser.get(target);
        assertThat(again.text()).containsAnyOf("You follow this account", "You asked to follow this account");
        assertThat(again.doc().select("form[action=/authorize_interaction/follow]")).isEmpty();
    }

    @Test
    @Order(6)
    void aPostUriOpensInTheWebClientAndAnUnknownOneIsA404() {
        WebClient browser = new WebClient(b.baseUrl());
        WebTesting.signIn(browser, "bob@example.test", Fixtures.PASSWORD);
        String postUri = a.baseUrl() + "/users/alice/statuses/" + alicePost;
        WebClient.Page post = browser.get("/authorize_interaction?uri=" + encode(postUri));
        assertThat(post.status()).as(post.toString()).isEqualTo(302);
        String onB = bob.get("/api/v2/search?resolve=true&q=" + encode(postUri)).json()
                .get("statuses").get(0).get("id").asText();
        assertThat(post.location()).hasValue("/web/statuses/" + onB);

        WebClient.Page unknown = browser.get("/authorize_interaction?uri=" + encode("acct:nobody@" + domain(a)));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(browser.get("/authorize_interaction").status()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void aRemoteAccountKnownHereShowsItsProfileAndStoredPublicPosts() {
        HttpResult posted = alice.postJson("/api/v1/statuses", "{\"status\": \"A new public post for bob\"}");
        assertThat(posted.status()).isEqualTo(200);
        HttpResult quiet = alice.postJson("/api/v1/statuses",
                "{\"status\": \"Unlisted for bob\", \"visibility\": \"unlisted\"}");
        assertThat(quiet.status()).isEqualTo(200);
        String uri = posted.json().get("uri").asText();
        Await.until(WAIT, () -> b.app().core().db().read(tx -> b.app().repos().statuses().findByUri(tx, uri))
                .isPresent());
        Await.until(WAIT, () -> b.app().core().db().read(tx -> b.app().repos().statuses()
                .findByUri(tx, quiet.json().get("uri").asText())).isPresent());

        WebClient.Page page = new WebClient(b.baseUrl()).get("/@alice@" + domain(a));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.doc().selectFirst("h1").text()).isEqualTo("Alice Liddell");
        assertThat(page.text()).contains("@alice@" + domain(a), "Down the rabbit hole", "A new public post for bob")
                .doesNotContain("Unlisted for bob");
        assertThat(page.doc().select("a.original").attr("href")).isEqualTo(a.baseUrl() + "/@alice");
        assertThat(page.doc().select("a.permalink").eachAttr("href")).contains(uri.replace("/users/alice/statuses/",
                "/@alice/"));
        // A remote account has no "interact from your server" form here: that is for its own server.
        assertThat(page.doc().select("form[action=/remote_interaction]")).isEmpty();
        assertThat(page.doc().selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    private static String aliceId() {
        return alice.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
    }
}
