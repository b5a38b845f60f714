package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import social.starling.api.web.WebClient;
import social.starling.api.web.WebTesting;
import social.starling.testing.ApiClient;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Helpers for the people side of the web client's tests: signed-in browsers, API tokens, an htmx request. */
final class WebPeopleTesting {
    static final String SCOPES = "read write follow";

    private WebPeopleTesting() {
    }

    /** A browser signed in as {@code name} (made with the fixtures when new). */
    static WebClient browser(TestApp app, String name) {
        app.fixtures().account(name);
        WebClient browser = new WebClient(app.baseUrl());
        WebClient.Page in = WebTesting.signIn(browser, name + "@example.test", Fixtures.PASSWORD);
        assertThat(in.location()).as(in.toString()).hasValue("/web/home");
        return browser;
    }

    /** The Mastodon API as {@code name}, to set the scene (profiles, posts) as an app would. */
    static HttpTester api(TestApp app, String name) {
        app.fixtures().account(name);
        return ApiClient.register(app.http(), SCOPES).as(name, SCOPES);
    }

    /** Posts {@code text} publicly through the API and waits until it is in the followers' feeds. */
    static String post(TestApp app, HttpTester api, String text) {
        var r = api.postJson("/api/v1/statuses", "{\"status\": \"" + text + "\", \"visibility\": \"public\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        app.awaitDistributed();
        return r.json().get("id").asText();
    }

    /** The GET for a form's page, as a browser would follow the 303 after it. */
    static WebClient.Page submitAndFollow(WebClient browser, WebClient.Page page, String action,
                                          Map<String, String> fields) {
        WebClient.Page done = browser.submit(page.form(action), fields);
        assertThat(done.status()).as(done.toString()).isEqualTo(303);
        return browser.get(done.location().orElseThrow());
    }

    /** POSTs a form as htmx does ({@code HX-Request: true}), with this browser's cookies. */
    static HttpResponse<String> htmxPost(TestApp app, WebClient browser, String path, Map<String, String> fields)
            throws Exception {
        String cookies = "_starling_session=" + browser.cookie("_starling_session").orElseThrow()
                + "; _starling_csrf=" + browser.cookie("_starling_csrf").orElseThrow();
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
