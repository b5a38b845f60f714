package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.db.schema.Tables;
import social.starling.testing.ApiClient;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The front door ({@code /} and {@code /about}): the five latest public posts of local members, each linking to its
 * page, and nothing unlisted, private, direct, or from a limited or suspended account; a signed-in member gets a
 * link into the web client, a visitor does not.
 */
class FrontDoorTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    static String aliceHello;
    static String carolFirst;

    @BeforeAll
    static void posts() {
        for (String name : List.of("alice", "bob", "carol", "lim", "sus")) {
            app.fixtures().account(name);
        }
        ApiClient client = ApiClient.register(app.http(), "read write");
        HttpTester alice = client.as("alice", "write");
        HttpTester carol = client.as("carol", "write");
        carolFirst = post(carol, "{\"status\": \"Carol number 1\"}");
        for (int i = 2; i <= 5; i++) {
            post(carol, "{\"status\": \"Carol number " + i + "\"}");
        }
        aliceHello = post(alice, "{\"status\": \"Alice says hello\"}");
        // Newer than everything above, so any of them shown would push an older public post off the page.
        post(alice, "{\"status\": \"Quiet unlisted words\", \"visibility\": \"unlisted\"}");
        post(alice, "{\"status\": \"Followers-only secret\", \"visibility\": \"private\"}");
        post(alice, "{\"status\": \"@bob a direct secret\", \"visibility\": \"direct\"}");
        post(client.as("lim", "write"), "{\"status\": \"Limited voice\"}");
        post(client.as("sus", "write"), "{\"status\": \"Suspended voice\"}");
        app.app().core().db().inTransaction(tx -> {
            TestSql.dsl(tx).update(Tables.ACCOUNTS).set(Tables.ACCOUNTS.SILENCED_AT, Instant.now())
                    .where(Tables.ACCOUNTS.USERNAME_KEY.eq("lim")).execute();
            return TestSql.dsl(tx).update(Tables.ACCOUNTS).set(Tables.ACCOUNTS.SUSPENDED_AT, Instant.now())
                    .where(Tables.ACCOUNTS.USERNAME_KEY.eq("sus")).execute();
        });
    }

    static String post(HttpTester as, String json) {
        HttpResult r = as.postJson("/api/v1/statuses", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    @Test
    void showsTheLatestPublicLocalPostsAndNothingElse() {
        for (String path : List.of("/", "/about")) {
            WebClient.Page page = new WebClient(app.baseUrl()).get(path);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            Element recent = page.doc().selectFirst("section.recent-posts");
            assertThat(recent).as(page.toString()).isNotNull();
            assertThat(recent.select("article.status")).hasSize(5);
            assertThat(recent.text()).contains("Alice says hello", "Carol number 5", "Carol number 2")
                    .doesNotContain("Carol number 1", "Quiet unlisted words", "Followers-only secret",
                            "a direct secret", "Limited voice", "Suspended voice");
            List<String> links = recent.select("a.permalink").eachAttr("href");
            assertThat(links.getFirst()).isEqualTo("/@alice/" + aliceHello);
            assertThat(links).doesNotContain("/@carol/" + carolFirst);
            assertThat(recent.select("a[href=/@alice]")).isNotEmpty();
        }
    }

    @Test
    void onlyASignedInMemberGetsTheWebClientLink() {
        WebClient visitor = new WebClient(app.baseUrl());
        assertThat(visitor.get("/").doc().select("main a[href=/web/home]")).isEmpty();

        WebClient member = new WebClient(app.baseUrl());
        WebTesting.signIn(member, "bob@example.test", Fixtures.PASSWORD);
        WebClient.Page page = member.get("/");
        Element open = page.doc().selectFirst("main a#open-web-client");
        assertThat(open).as(page.toString()).isNotNull();
        assertThat(open.attr("href")).isEqualTo("/web/home");
        assertThat(open.text()).isEqualTo("Open the web client");
        assertThat(page.doc().select("main a[href=/auth/sign_in]")).isEmpty();
    }
}
