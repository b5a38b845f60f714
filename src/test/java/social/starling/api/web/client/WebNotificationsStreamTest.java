package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.api.web.WebClient;
import social.starling.api.web.WebTesting;
import social.starling.testing.ApiClient;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The web client's live notifications, read as raw server-sent events with the browser's session cookie: the
 * unread badge comes first, then each new notification as an htmx event whose data is its HTML; a browser that is
 * not signed in gets 204 (EventSource stops); signing out ends the stream at the next heartbeat.
 */
class WebNotificationsStreamTest {
    @RegisterExtension
    static TestApp app = TestApp.create().with("STARLING_STREAMING_KEEPALIVE_SECONDS", "1");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    record Event(String name, String data) {
        Document html() {
            return Jsoup.parseBodyFragment(data);
        }
    }

    /** A raw SSE reader: events (name and data lines joined with line breaks, as EventSource joins them). */
    static final class Sse implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final CompletableFuture<Void> ended = new CompletableFuture<>();
        final HttpResponse<InputStream> response;

        Sse(String cookie) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/web/notifications/stream"))
                    .header("Accept", "text/event-stream");
            if (cookie != null) {
                request.header("Cookie", "_starling_session=" + cookie);
            }
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            Thread.ofVirtual().start(this::read);
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String name = null;
                StringBuilder data = null;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (name != null) {
                            events.add(new Event(name, data == null ? "" : data.toString()));
                        }
                        name = null;
                        data = null;
                    } else if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ") || line.equals("data:")) {
                        String value = line.length() > 6 ? line.substring(6) : "";
                        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    }
                }
            } catch (IOException e) {
                // closed
            }
            ended.complete(null);
        }

        Event next(String name) throws InterruptedException {
            while (true) {
                Event e = events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(e).as("an event " + name + " arrives").isNotNull();
                if (e.name().equals(name)) {
                    return e;
                }
            }
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }

    private static HttpTester as(String username) {
        app.fixtures().account(username);
        return ApiClient.register(app.http(), "read write follow").as(username, "read write follow");
    }

    @Test
    void aFavouriteArrivesAsTheRenderedNotificationAndTheBadgeCounts() throws Exception {
        HttpTester owner = as("sowner");
        HttpTester fan = as("sfan");
        assertThat(fan.patchJson("/api/v1/accounts/update_credentials", "{\"display_name\":\"Fan <b>Club</b>\"}")
                .status()).isEqualTo(200);
        var posted = owner.postJson("/api/v1/statuses", "{\"status\":\"Live post\\nsecond line\"}");
        String statusId = posted.json().get("id").asText();

        WebClient browser = new WebClient(app.baseUrl());
        WebTesting.signIn(browser, "sowner@example.test", Fixtures.PASSWORD);
        try (Sse sse = new Sse(browser.cookie("_starling_session").orElseThrow())) {
            assertThat(sse.response.statusCode()).isEqualTo(200);
            assertThat(sse.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            Event badge = sse.next("unread");
            assertThat(badge.data()).isEmpty();

            assertThat(fan.post("/api/v1/statuses/" + statusId + "/favourite").status()).isEqualTo(200);
            Event event = sse.next("notification");
            Document html = event.html();
            assertThat(html.selectFirst("article.notification")).isNotNull();
            assertThat(html.text()).contains("Fan <b>Club</b>").contains("favourited your post").contains("Live post");
            assertThat(html.select("article b")).isEmpty();
            assertThat(html.selectFirst("a[href=/web/@sfan]")).isNotNull();
            assertThat(html.selectFirst("a[href=/web/statuses/" + statusId + "]")).isNotNull();
            Event counted = sse.next("unread");
            assertThat(Jsoup.parseBodyFragment(counted.data()).text()).isEqualTo("1 unread");
        }
        // The page shows the same notification on reload, and opening it marks it read: the badge starts empty.
        assertThat(browser.get("/web/notifications").doc().select("article.notification")).hasSize(1);
        try (Sse again = new Sse(browser.cookie("_starling_session").orElseThrow())) {
            assertThat(again.next("unread").data()).isEmpty();
        }
    }

    @Test
    void withoutASessionTheAnswerIs204AndSigningOutEndsTheStream() throws Exception {
        try (Sse nobody = new Sse(null)) {
            assertThat(nobody.response.statusCode()).isEqualTo(204);
        }
        try (Sse forged = new Sse("not-a-session")) {
            assertThat(forged.response.statusCode()).isEqualTo(204);
        }
        app.fixtures().account("sleaver");
        WebClient browser = new WebClient(app.baseUrl());
        WebTesting.signIn(browser, "sleaver@example.test", Fixtures.PASSWORD);
        String cookie = browser.cookie("_starling_session").orElseThrow();
        try (Sse sse = new Sse(cookie)) {
            sse.next("unread");
            WebClient.Page home = browser.get("/web/home");
            WebClient.Page out = browser.submit(home.form("/auth/sign_out"), WebClient.fields());
            assertThat(out.status()).isIn(302, 303);
            sse.ended.get(PATIENCE.toSeconds(), TimeUnit.SECONDS); // fails with a timeout if the stream stays open
        }
    }
}
