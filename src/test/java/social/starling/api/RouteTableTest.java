package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.TestApp;

/** The route table: order-independent matching, duplicates refused, content negotiation on shared URLs. */
class RouteTableTest {

    @RegisterExtension
    static TestApp server = TestApp.create().withRoutes(t -> {
        // Registered parameter first: the literal must still win, whatever the order.
        t.mastodonApi().get("/test/things/{id}", ctx -> ctx.result("id " + ctx.pathParam("id")));
        t.web().get("/test/things/special", ctx -> ctx.result("special"));
        t.negotiated("/test/shared/{name}", ctx -> ctx.html("<p>" + ctx.pathParam("name") + "</p>"),
                ctx -> ctx.contentType(ContentNegotiation.ACTIVITY_JSON).result("{\"type\":\"Person\"}"));
    });

    @Test
    void literalSegmentsWinOverParametersWhateverTheOrder() {
        assertThat(server.http().get("/test/things/special").body()).isEqualTo("special");
        assertThat(server.http().get("/test/things/42").body()).isEqualTo("id 42");
    }

    @Test
    void theSameRouteTwiceIsRefused() {
        RouteTable table = new RouteTable();
        table.mastodonApi().get("/api/v1/accounts/{id}", ctx -> { });
        assertThatThrownBy(() -> table.web().get("/api/v1/accounts/{account_id}", ctx -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("route registered twice");
    }

    @Test
    void sharedUrlsAnswerActivityJsonOrHtml() {
        var html = server.http().send("GET", "/test/shared/alice",
                Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"), null);
        assertThat(html.body()).isEqualTo("<p>alice</p>");
        assertThat(html.header("Vary")).contains("Accept");
        for (String accept : new String[]{"application/activity+json",
                "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""}) {
            var json = server.http().send("GET", "/test/shared/alice", Map.of("Accept", accept), null);
            assertThat(json.body()).as(accept).isEqualTo("{\"type\":\"Person\"}");
            assertThat(json.header("Content-Type").orElseThrow()).startsWith("application/activity+json");
        }
        var none = server.http().send("GET", "/test/shared/alice", Map.of(), null);
        assertThat(none.body()).isEqualTo("<p>alice</p>");
    }

    @Test
    void everyUpdateAnswersPutAndPatch() {
        RouteTable table = new RouteTable();
        table.mastodonApi().update("/api/v1/things/{id}", ctx -> { });
        assertThat(table.routes()).extracting(r -> r.method() + " " + r.path())
                .containsExactlyInAnyOrder("PUT /api/v1/things/{id}", "PATCH /api/v1/things/{id}");
    }

    @Test
    void theServersUpdateRoutesComeInPairs() {
        var routes = server.app().routes();
        var puts = routes.stream().filter(r -> r.method() == io.javalin.http.HandlerType.PUT)
                .map(RouteTable.Route::path).toList();
        var patches = routes.stream().filter(r -> r.method() == io.javalin.http.HandlerType.PATCH)
                .map(RouteTable.Route::path).toList();
        assertThat(puts).contains("/api/v2/notifications/policy", "/api/v1/lists/{id}", "/api/v2/filters/{id}");
        assertThat(patches).containsExactlyInAnyOrderElementsOf(puts);
    }

    @Test
    void specificityOrder() {
        assertThat(RouteTable.compareSpecificity("/api/v1/accounts/lookup", "/api/v1/accounts/{id}")).isNegative();
        assertThat(RouteTable.compareSpecificity("/api/v1/accounts/{id}", "/api/v1/accounts/relationships"))
                .isPositive();
        assertThat(RouteTable.compareSpecificity("/api/v1/accounts/{id}/statuses", "/api/v1/accounts/{id}"))
                .isPositive();
    }

    @Test
    void browsersGetHtmlEvenWhenTheyAlsoAcceptJson() {
        assertThat(ContentNegotiation.wantsActivityJson("text/html, application/activity+json")).isFalse();
        assertThat(ContentNegotiation.wantsActivityJson("application/activity+json, text/html;q=0.5")).isTrue();
        assertThat(ContentNegotiation.wantsActivityJson("application/json")).isFalse();
        assertThat(ContentNegotiation.wantsActivityJson((String) null)).isFalse();
    }
}
