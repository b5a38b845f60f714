package social.starling.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.Multipart;
import social.starling.testing.TestApp;

/**
 * Mastodon's media API with real files (src/test/resources/media): what each format becomes, that EXIF and GPS are
 * gone, previews and blurhashes, the 202/206 of video processing, descriptions and focus, Mastodon's media_ids
 * rules, and refusals that leave nothing behind (no row, no stored file, no temporary file).
 */
class MediaApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    private static String token;
    private static String otherToken;
    private static HttpTester ann;
    private static HttpTester ben;

    @BeforeAll
    static void accounts() {
        server.fixtures().account("ann");
        server.fixtures().account("ben");
        ApiClient client = ApiClient.register(server.http(), "read write");
        token = client.login("ann", social.starling.testing.Fixtures.PASSWORD, "read write");
        otherToken = client.login("ben", social.starling.testing.Fixtures.PASSWORD, "read write");
        ann = server.http().withToken(token);
        ben = server.http().withToken(otherToken);
    }

    private static HttpResult upload(String version, String file, String contentType, String... fields) {
        Multipart m = new Multipart().file("file", file, contentType, Multipart.resource(file));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            m.field(fields[i], fields[i + 1]);
        }
        return m.send("POST", server.baseUrl() + "/api/" + version + "/media", token);
    }

    private static byte[] fetch(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    @Test
    void aJpegLosesItsExifAndGpsAndGetsAPreviewAndABlurhash() throws Exception {
        HttpResult r = upload("v2", "photo-exif.jpg", "image/jpeg", "description", "a harbour at dusk",
                "focus", "-0.5,0.25");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode m = r.json();
        assertThat(m.get("type").asText()).isEqualTo("image");
        assertThat(m.get("description").asText()).isEqualTo("a harbour at dusk");
        assertThat(m.get("remote_url").isNull()).isTrue();
        assertThat(m.get("blurhash").asText()).hasSizeGreaterThan(6);
        JsonNode meta = m.get("meta");
        assertThat(meta.get("focus").get("x").asDouble()).isEqualTo(-0.5);
        assertThat(meta.get("focus").get("y").asDouble()).isEqualTo(0.25);
        int w = meta.get("original").get("width").asInt();
        int h = meta.get("original").get("height").asInt();
        assertThat(meta.get("original").get("size").asText()).isEqualTo(w + "x" + h);
        assertThat(meta.get("small").get("width").asInt() * meta.get("small").get("height").asInt())
                .isLessThanOrEqualTo(230_400);
        byte[] original = Multipart.resource("photo-exif.jpg");
        assertThat(contains(original, "Exif")).as("the fixture has EXIF (with GPS: ImageProcessorTest)").isTrue();
        byte[] served = fetch(m.get("url").asText());
        assertThat(contains(served, "Exif")).isFalse();
        assertThat(contains(served, "GPS")).isFalse();
        assertThat(fetch(m.get("preview_url").asText())).isNotEmpty();
    }

    @Test
    void pngWebpAndStillGifAreImages() {
        for (String[] f : new String[][] {{"image.png", "image/png"}, {"image.webp", "image/webp"},
                {"still.gif", "image/gif"}}) {
            HttpResult r = upload("v2", f[0], f[1]);
            assertThat(r.status()).as(f[0] + ": " + r.body()).isEqualTo(200);
            assertThat(r.json().get("type").asText()).isEqualTo("image");
            assertThat(r.json().get("url").asText()).isNotEmpty();
            assertThat(r.json().get("preview_url").asText()).isNotEmpty();
            assertThat(r.json().get("blurhash").asText()).isNotEmpty();
        }
    }

    @Test
    void videoAnimatedGifAndAudioAreProcessedInTheBackground() {
        HttpResult video = upload("v2", "clip.mp4", "video/mp4");
        assertThat(video.status()).as(video.body()).isEqualTo(202);
        assertThat(video.json().get("url").isNull()).isTrue();
        assertThat(video.json().get("type").asText()).isEqualTo("video");
        String id = video.json().get("id").asText();
        Await.until(Duration.ofSeconds(60), () -> ann.get("/api/v1/media/" + id).status() == 200);
        JsonNode done = ann.get("/api/v1/media/" + id).json();
        assertThat(done.get("url").asText()).endsWith(".mp4");
        assertThat(done.get("preview_url").asText()).isNotEmpty();
        assertThat(done.get("blurhash").asText()).isNotEmpty();
        assertThat(done.get("meta").get("original").get("width").asInt()).isEqualTo(320);
        assertThat(done.get("meta").get("duration").asDouble()).isGreaterThan(0.5);

        HttpResult gif = upload("v1", "animated.gif", "image/gif");
        assertThat(gif.status()).as(gif.body()).isEqualTo(200);
        assertThat(gif.json().get("type").asText()).isEqualTo("gifv");
        assertThat(gif.json().get("url").asText()).endsWith(".mp4");

        HttpResult audio = upload("v1", "tone.mp3", "audio/mpeg");
        assertThat(audio.status()).as(audio.body()).isEqualTo(200);
        assertThat(audio.json().get("type").asText()).isEqualTo("audio");
        assertThat(audio.json().get("url").asText()).endsWith(".mp3");
        assertThat(audio.json().get("meta").get("duration").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void refusalsLeaveNothingBehind() throws Exception {
        long rows = rows();
        List<Path> files = storedFiles();
        refused(upload("v2", "truncated.jpg", "image/jpeg"));
        refused(upload("v2", "bomb.png", "image/png"));
        refused(new Multipart().file("file", "notes.jpg", "image/jpeg",
                "this is not a picture".getBytes(StandardCharsets.UTF_8))
                .send("POST", server.baseUrl() + "/api/v2/media", token));
        refused(new Multipart().file("file", "photo.txt", "text/plain", Multipart.resource("image.png"))
                .send("POST", server.baseUrl() + "/api/v2/media", token));
        byte[] huge = new byte[17 * 1024 * 1024];
        byte[] jpeg = Multipart.resource("photo-exif.jpg");
        System.arraycopy(jpeg, 0, huge, 0, jpeg.length);
        HttpResult tooBig = new Multipart().file("file", "huge.jpg", "image/jpeg", huge)
                .send("POST", server.baseUrl() + "/api/v2/media", token);
        refused(tooBig);
        assertThat(tooBig.json().get("error").asText()).contains("16 MB");
        refused(new Multipart().field("description", "no file").send("POST", server.baseUrl() + "/api/v2/media",
                token));
        assertThat(rows()).isEqualTo(rows);
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(workFiles()).isEmpty();
    }

    private static void refused(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("error").asText()).isNotBlank();
    }

    @Test
    void descriptionsFocusDeletionAndOwnership() {
        String id = upload("v2", "image.png", "image/png").json().get("id").asText();
        HttpResult put = ann.putJson("/api/v1/media/" + id, "{\"description\": \"a red square\", \"focus\": \"0.1,-0.2\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("description").asText()).isEqualTo("a red square");
        assertThat(put.json().get("meta").get("focus").get("y").asDouble()).isEqualTo(-0.2);
        assertThat(ann.get("/api/v1/media/" + id).json().get("description").asText()).isEqualTo("a red square");
        assertThat(ann.putJson("/api/v1/media/" + id, "{\"focus\": \"3,0\"}").status()).isEqualTo(422);
        assertThat(ann.putJson("/api/v1/media/" + id, "{\"description\": \"" + "x".repeat(1501) + "\"}").status())
                .isEqualTo(422);
        assertThat(ben.get("/api/v1/media/" + id).status()).isEqualTo(404);
        assertThat(ben.putJson("/api/v1/media/" + id, "{\"description\": \"mine\"}").status()).isEqualTo(404);
        assertThat(ben.delete("/api/v1/media/" + id).status()).isEqualTo(404);
        assertThat(server.http().get("/api/v1/media/" + id).status()).isEqualTo(401);

        String other = upload("v2", "image.png", "image/png").json().get("id").asText();
        assertThat(ann.delete("/api/v1/media/" + other).status()).isEqualTo(200);
        assertThat(ann.get("/api/v1/media/" + other).status()).isEqualTo(404);

        HttpResult status = ann.postJson("/api/v1/statuses", "{\"media_ids\": [\"" + id + "\"]}");
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        JsonNode attached = status.json().get("media_attachments");
        assertThat(attached).hasSize(1);
        assertThat(attached.get(0).get("id").asText()).isEqualTo(id);
        assertThat(attached.get(0).get("description").asText()).isEqualTo("a red square");
        // Once posted, the attachment belongs to the post.
        assertThat(ann.putJson("/api/v1/media/" + id, "{\"description\": \"changed\"}").status()).isEqualTo(404);
        assertThat(ann.delete("/api/v1/media/" + id).status()).isEqualTo(422);
        assertThat(ann.postJson("/api/v1/statuses", "{\"status\": \"again\", \"media_ids\": [\"" + id + "\"]}")
                .status()).isEqualTo(422);
        // Read back by anyone: the same attachment.
        JsonNode read = server.http().get("/api/v1/statuses/" + status.json().get("id").asText()).json();
        assertThat(read.get("media_attachments").get(0).get("url").asText())
                .isEqualTo(attached.get(0).get("url").asText());
    }

    @Test
    void mastodonsMediaIdsRules() {
        List<String> ids = Stream.generate(() -> upload("v2", "image.png", "image/png").json().get("id").asText())
                .limit(5).toList();
        HttpResult five = ann.postJson("/api/v1/statuses", "{\"status\": \"five\", \"media_ids\": "
                + json(ids) + "}");
        assertThat(five.status()).isEqualTo(422);
        assertThat(five.json().get("error").asText()).isEqualTo("Cannot attach more than 4 files");
        HttpResult withPoll = ann.postJson("/api/v1/statuses", "{\"status\": \"poll\", \"media_ids\": [\""
                + ids.get(0) + "\"], \"poll\": {\"options\": [\"a\", \"b\"], \"expires_in\": 600}}");
        assertThat(withPoll.status()).isEqualTo(422);
        HttpResult notMine = ben.postJson("/api/v1/statuses", "{\"status\": \"x\", \"media_ids\": [\""
                + ids.get(0) + "\"]}");
        assertThat(notMine.status()).isEqualTo(422);
        assertThat(notMine.json().get("error").asText()).contains(ids.get(0)).contains("not found");

        String video = upload("v1", "clip.mp4", "video/mp4").json().get("id").asText();
        HttpResult mixed = ann.postJson("/api/v1/statuses", "{\"status\": \"mixed\", \"media_ids\": [\""
                + ids.get(0) + "\", \"" + video + "\"]}");
        assertThat(mixed.status()).isEqualTo(422);
        assertThat(mixed.json().get("error").asText())
                .isEqualTo("Cannot attach a video to a post that already contains images");

        HttpResult four = ann.postJson("/api/v1/statuses", "{\"media_ids\": " + json(ids.subList(0, 4)) + "}");
        assertThat(four.status()).as(four.body()).isEqualTo(200);
        assertThat(four.json().get("media_attachments")).extracting(a -> a.get("id").asText())
                .containsExactlyElementsOf(ids.subList(0, 4));
    }

    @Test
    void editsChangeTheAttachmentsAndTheirDescriptions() {
        String first = upload("v2", "image.png", "image/png").json().get("id").asText();
        String second = upload("v2", "still.gif", "image/gif").json().get("id").asText();
        String id = ann.postJson("/api/v1/statuses", "{\"status\": \"v1\", \"media_ids\": [\"" + first + "\"]}")
                .json().get("id").asText();
        HttpResult both = ann.putJson("/api/v1/statuses/" + id, "{\"status\": \"v2\", \"media_ids\": [\"" + second
                + "\", \"" + first + "\"], \"media_attributes\": [{\"id\": \"" + first
                + "\", \"description\": \"now described\", \"focus\": \"0.0,1.0\"}]}");
        assertThat(both.status()).as(both.body()).isEqualTo(200);
        assertThat(both.json().get("media_attachments")).extracting(a -> a.get("id").asText())
                .containsExactly(second, first);
        assertThat(both.json().get("media_attachments").get(1).get("description").asText()).isEqualTo("now described");
        // Without media_ids the attachments stay; with an empty list they go.
        HttpResult kept = ann.putJson("/api/v1/statuses/" + id, "{\"status\": \"v3\"}");
        assertThat(kept.json().get("media_attachments")).hasSize(2);
        HttpResult none = ann.putJson("/api/v1/statuses/" + id, "{\"status\": \"v4\", \"media_ids\": []}");
        assertThat(none.status()).as(none.body()).isEqualTo(200);
        assertThat(none.json().get("media_attachments")).isEmpty();
        assertThat(server.http().get("/api/v1/statuses/" + id).json().get("media_attachments")).isEmpty();
    }

    @Test
    void theSweepDeletesAbandonedUploadsButNotScheduledOrPostedOnes() throws Exception {
        JsonNode abandoned = upload("v2", "image.png", "image/png").json();
        String scheduled = upload("v2", "image.png", "image/png").json().get("id").asText();
        String posted = upload("v2", "image.png", "image/png").json().get("id").asText();
        String later = java.time.Instant.now().plus(Duration.ofDays(2)).toString();
        HttpResult s = ann.postJson("/api/v1/statuses", "{\"status\": \"later\", \"scheduled_at\": \"" + later
                + "\", \"media_ids\": [\"" + scheduled + "\"]}");
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        assertThat(ann.postJson("/api/v1/statuses", "{\"media_ids\": [\"" + posted + "\"]}").status()).isEqualTo(200);
        Path file = server.app().config().dataDir().resolve("media")
                .resolve(abandoned.get("url").asText().replaceFirst("^.*/system/", ""));
        assertThat(file).exists();

        int swept = server.app().media().uploads().sweepUnattached(java.time.Instant.now().plus(Duration.ofDays(1)),
                1000);
        assertThat(swept).isGreaterThanOrEqualTo(1);
        assertThat(ann.get("/api/v1/media/" + abandoned.get("id").asText()).status()).isEqualTo(404);
        assertThat(file).doesNotExist();
        assertThat(ann.get("/api/v1/media/" + scheduled).status()).isEqualTo(200);
        assertThat(ann.get("/api/v1/media/" + posted).status()).isEqualTo(200);
    }

    private static String json(List<String> ids) {
        return ids.stream().map(i -> "\"" + i + "\"").reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]")
                .orElse("[]");
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static long rows() {
        return server.app().core().db().read(tx -> (long) server.app().repos().media().count(tx));
    }

    private static List<Path> storedFiles() throws IOException {
        Path media = server.app().config().dataDir().resolve("media");
        if (!Files.exists(media)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(media)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> workFiles() throws IOException {
        Path work = server.app().config().dataDir().resolve("tmp").resolve("media");
        if (!Files.exists(work)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(work)) {
            return walk.filter(p -> !p.equals(work)).toList();
        }
    }
}
