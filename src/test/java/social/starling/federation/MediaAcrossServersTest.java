package social.starling.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.Multipart;
import social.starling.testing.TestApp;

/**
 * A post with an image between two Starling servers: the Note carries a Document with the media type, the
 * description as {@code name}, the blurhash, the focal point and the size; the receiving server shows the
 * attachment with its alt text and focus intact, serves it through {@code /media_proxy} (fetched through the
 * outbound guard on first view, then from its cache), and evicts copies past its quota, fetching them again when
 * shown.
 */
class MediaAcrossServersTest {
    private static final String SCOPES = "read write follow";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final List<TestApp> servers = new ArrayList<>();
    private static TestApp a;
    private static TestApp b;
    private static String aliceToken;
    private static HttpTester alice;
    private static HttpTester bob;

    @BeforeAll
    static void start() throws Exception {
        a = server(TestApp.create());
        // B keeps no remote media past a sweep (quota 0), so evicting is easy to see.
        b = server(TestApp.create().with("STARLING_MEDIA_CACHE_MB", "0"));
        a.fixtures().account("alice");
        b.fixtures().account("bob");
        aliceToken = ApiClient.register(a.http(), SCOPES).login("alice", Fixtures.PASSWORD, SCOPES);
        alice = a.http().withToken(aliceToken);
        bob = ApiClient.register(b.http(), SCOPES).as("bob", SCOPES);
    }

    private static TestApp server(TestApp app) throws Exception {
        app.with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");
        app.start();
        servers.add(app);
        return app;
    }

    @AfterAll
    static void stop() {
        servers.forEach(TestApp::stop);
    }

    @Test
    void anImageTravelsWithItsDescriptionAndFocalPoint() throws Exception {
        String aliceOnB = resolve(bob, "alice", a);
        assertThat(bob.post("/api/v1/accounts/" + aliceOnB + "/follow").status()).isEqualTo(200);
        Await.until(WAIT, () -> bob.get("/api/v1/accounts/relationships?id[]=" + aliceOnB).json().get(0)
                .get("following").asBoolean());

        HttpResult upload = new Multipart()
                .file("file", "photo.jpg", "image/jpeg", Multipart.resource("photo-exif.jpg"))
                .field("description", "Boats in a harbour at dusk")
                .field("focus", "0.5,-0.25")
                .send("POST", a.baseUrl() + "/api/v2/media", aliceToken);
        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        JsonNode local = upload.json();
        HttpResult posted = alice.postJson("/api/v1/statuses", "{\"status\": \"evening\", \"media_ids\": [\""
                + local.get("id").asText() + "\"]}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        String uri = posted.json().get("uri").asText();

        // The Note as A serves it.
        JsonNode note = a.http().send("GET", uri.replaceFirst("^https?://[^/]+", ""),
                Map.of("Accept", "application/activity+json"), null).json();
        JsonNode doc = note.get("attachment").get(0);
        assertThat(doc.get("type").asText()).isEqualTo("Document");
        assertThat(doc.get("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(doc.get("url").asText()).isEqualTo(local.get("url").asText());
        assertThat(doc.get("name").asText()).isEqualTo("Boats in a harbour at dusk");
        assertThat(doc.get("blurhash").asText()).isEqualTo(local.get("blurhash").asText());
        assertThat(doc.get("focalPoint").get(0).asDouble()).isEqualTo(0.5);
        assertThat(doc.get("focalPoint").get(1).asDouble()).isEqualTo(-0.25);
        assertThat(doc.get("width").asInt()).isEqualTo(local.get("meta").get("original").get("width").asInt());

        // On B: the attachment with its alt text and focus.
        Await.until(WAIT, () -> find(bob, uri) != null);
        JsonNode remote = find(bob, uri).get("media_attachments").get(0);
        assertThat(remote.get("type").asText()).isEqualTo("image");
        assertThat(remote.get("description").asText()).isEqualTo("Boats in a harbour at dusk");
        assertThat(remote.get("meta").get("focus").get("x").asDouble()).isEqualTo(0.5);
        assertThat(remote.get("meta").get("focus").get("y").asDouble()).isEqualTo(-0.25);
        assertThat(remote.get("blurhash").asText()).isEqualTo(local.get("blurhash").asText());
        assertThat(remote.get("remote_url").asText()).isEqualTo(local.get("url").asText());
        String url = remote.get("url").asText();
        assertThat(url).startsWith(b.baseUrl() + "/media_proxy/");

        // First view: fetched, stored on B, redirected to B's copy; the bytes are an image.
        HttpResponse<byte[]> first = get(url);
        assertThat(first.statusCode()).isEqualTo(302);
        String copy = first.headers().firstValue("Location").orElseThrow();
        assertThat(copy).startsWith(b.baseUrl() + "/system/cache/");
        HttpResponse<byte[]> image = get(copy);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
        assertThat(get(remote.get("preview_url").asText()).statusCode()).isEqualTo(302);
        assertThat(b.app().media().remoteCache().usedBytes()).isPositive();

        // A quota of 0: the sweep evicts the copy; the next view fetches it again.
        assertThat(b.app().media().remoteCache().enforceQuota()).isEqualTo(1);
        assertThat(b.app().media().remoteCache().usedBytes()).isZero();
        assertThat(get(copy).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> again = get(url);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(get(again.headers().firstValue("Location").orElseThrow()).statusCode()).isEqualTo(200);

        // Emergency mode (the disk nearly full): nothing new is cached; the client is sent to the origin.
        long id = Long.parseLong(remote.get("id").asText());
        String key = url.replaceFirst("^.*k=", "");
        var app = b.app();
        var emergency = new social.starling.service.media.RemoteMediaCache(app.core().db(), app.repos().media(),
                app.core().media(), app.media().images(), (u, t, max) -> {
                    throw new AssertionError("nothing is fetched in emergency mode");
                }, app.config().dataDir().resolve("tmp/media"), java.time.Clock.systemUTC(), 1L << 40, 1L << 30,
                () -> 0L, host -> true);
        assertThat(emergency.emergency()).isTrue();
        app.media().remoteCache().evictTo(0);
        var origin = emergency.locate(id, false, key).orElseThrow();
        assertThat(origin.cached()).isFalse();
        assertThat(origin.url()).isEqualTo(local.get("url").asText());
        // A host whose media is refused gets nothing at all.
        var refusing = new social.starling.service.media.RemoteMediaCache(app.core().db(), app.repos().media(),
                app.core().media(), app.media().images(), (u, t, max) -> null,
                app.config().dataDir().resolve("tmp/media"), java.time.Clock.systemUTC(), 1L << 40, 0, () -> 1L << 40,
                host -> false);
        assertThat(refusing.locate(id, false, key)).isEmpty();

        // The proxy does not open for a wrong key or an unknown id.
        assertThat(get(url.replaceFirst("k=[0-9a-f]+", "k=0000000000000000")).statusCode()).isEqualTo(404);
        assertThat(get(b.baseUrl() + "/media_proxy/1/original?k=x").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode find(HttpTester viewer, String uri) {
        for (JsonNode s : viewer.get("/api/v1/timelines/home?limit=40").json()) {
            if (s.get("uri").asText().equals(uri)) {
                return s;
            }
        }
        return null;
    }

    private static String resolve(HttpTester viewer, String username, TestApp home) {
        HttpResult r = viewer.get("/api/v2/search?type=accounts&resolve=true&q="
                + URLEncoder.encode("@" + username + "@" + home.baseUrl().replaceFirst("^https?://", ""),
                StandardCharsets.UTF_8));
        assertThat(r.json().get("accounts")).as(r.body()).hasSize(1);
        return r.json().get("accounts").get(0).get("id").asText();
    }
}
