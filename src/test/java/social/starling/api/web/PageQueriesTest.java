package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * A page is a fixed number of SQL statements, whatever it shows: the same page with 3 posts and with 30 costs the
 * same count (no statement per post), and the count is small. Counted by the server itself
 * ({@code starling.http.queries} per route), on a warm page (the second of two identical requests).
 */
class PageQueriesTest {
    private static final int MOST = 20;

    @RegisterExtension
    static TestApp app = TestApp.create();

    @Test
    void theProfileTagAndPostPagesDoNotGrowWithTheirPosts() {
        app.fixtures().account("quinn");
        HttpTester quinn = ApiClient.register(app.http(), "read write").as("quinn", "write");
        String first = post(quinn, "first #counting post");
        post(quinn, "second #counting post");
        post(quinn, "third #counting post");
        WebClient visitor = new WebClient(app.baseUrl());
        int profileFew = warm(visitor, "/@quinn", "/@{name}");
        int tagFew = warm(visitor, "/tags/counting", "/tags/{name}");
        int postFew = warm(visitor, "/@quinn/" + first, "/@{name}/{id}");
        for (int i = 0; i < 27; i++) {
            post(quinn, "more #counting post " + i);
        }
        assertThat(warm(visitor, "/@quinn", "/@{name}")).as("profile with 20 posts shown").isEqualTo(profileFew)
                .isLessThanOrEqualTo(MOST);
        assertThat(warm(visitor, "/tags/counting", "/tags/{name}")).isEqualTo(tagFew).isLessThanOrEqualTo(MOST);
        assertThat(warm(visitor, "/@quinn/" + first, "/@{name}/{id}")).isEqualTo(postFew).isLessThanOrEqualTo(MOST);
    }

    @Test
    void theWebClientHomeDoesNotGrowWithItsPosts() {
        app.fixtures().account("rhea");
        HttpTester rhea = ApiClient.register(app.http(), "read write").as("rhea", "write");
        WebClient browser = new WebClient(app.baseUrl());
        WebTesting.signIn(browser, "rhea@example.test", Fixtures.PASSWORD);
        for (int i = 0; i < 3; i++) {
            post(rhea, "home post " + i);
        }
        int few = warm(browser, "/web/home", "/web/home");
        for (int i = 0; i < 27; i++) {
            post(rhea, "home post more " + i);
        }
        assertThat(warm(browser, "/web/home", "/web/home")).isEqualTo(few).isLessThanOrEqualTo(MOST);
    }

    /**
     * The statements a warm GET of {@code path} runs (route as the router names it), once the jobs the
     * posts started (distribution, counters) are done, so no cache is invalidated between the two.
     */
    private static int warm(WebClient browser, String path, String route) {
        var core = app.app().core();
        Await.until(() -> core.db().read(tx -> core.jobRepository().stats(tx, core.clock().instant())).stream()
                .allMatch(lane -> lane.due() == 0 && lane.running() == 0));
        get(browser, path, route);
        // the fewest of three: a cache entry refreshed by chance costs one statement once, an N+1 costs 27 each time
        int count = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            double before = summary(route).totalAmount();
            get(browser, path, route);
            count = Math.min(count, (int) (summary(route).totalAmount() - before));
        }
        System.out.println("statements for GET " + path + ": " + count);
        return count;
    }

    /**
     * GETs {@code path} and waits until the server has recorded it: the count is recorded as the request ends, which
     * may be just after the browser has the answer.
     */
    private static void get(WebClient browser, String path, String route) {
        long seen = summary(route) == null ? 0 : summary(route).count();
        WebClient.Page page = browser.get(path);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        Await.until(() -> summary(route) != null && summary(route).count() == seen + 1);
    }

    private static DistributionSummary summary(String route) {
        return app.app().core().metrics().find("starling.http.queries").tag("method", "GET").tag("route", route)
                .summary();
    }

    private static String post(HttpTester author, String text) {
        var r = author.postJson("/api/v1/statuses", "{\"status\": \"" + text + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }
}
