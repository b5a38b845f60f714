package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.TestApp;

/**
 * Media kept on local disk, served at /system/ as Mastodon does: by type, never sniffed, never active content,
 * cacheable for a year, seekable (Range) for audio and video, and nothing outside the media folder.
 */
class MediaServingTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final byte[] DATA = new byte[5000];

    @BeforeAll
    static void store() throws IOException {
        new Random(7).nextBytes(DATA);
        for (String ext : new String[] {"jpg", "jpeg", "png", "gif", "webp", "mp4", "webm", "mp3", "ogg", "m4a"}) {
            server.app().core().media().put("media_attachments/files/1/file." + ext, DATA, "application/octet-stream");
        }
        server.app().core().media().put("media_attachments/files/1/image.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(
                        StandardCharsets.UTF_8), "image/svg+xml");
        server.app().core().media().put("media_attachments/files/1/page.html",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "text/html");
        Files.writeString(server.app().config().dataDir().resolve("secret.txt"), "not for the public");
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void eachKindIsServedWithItsTypeUnsniffedAndCachedForAYear() throws Exception {
        Map<String, String> types = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png",
                "gif", "image/gif", "webp", "image/webp", "mp4", "video/mp4", "webm", "video/webm",
                "mp3", "audio/mpeg", "ogg", "audio/ogg", "m4a", "audio/mp4");
        for (var type : types.entrySet()) {
            HttpResponse<byte[]> r = get("/system/media_attachments/files/1/file." + type.getKey());
            assertThat(r.statusCode()).as(type.getKey()).isEqualTo(200);
            assertThat(r.body()).as(type.getKey()).isEqualTo(DATA);
            assertThat(r.headers().firstValue("Content-Type")).as(type.getKey()).hasValue(type.getValue());
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(type.getKey()).hasValue("nosniff");
            assertThat(r.headers().firstValue("Cache-Control")).as(type.getKey())
                    .hasValue("public, max-age=31536000, immutable");
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(type.getKey())
                    .hasValue("default-src 'none'; sandbox");
        }
    }

    @Test
    void aRangeIsAnsweredPartially() throws Exception {
        HttpResponse<byte[]> r = get("/system/media_attachments/files/1/file.mp4", "Range", "bytes=0-99");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + DATA.length);
        assertThat(r.body()).hasSize(100).isEqualTo(java.util.Arrays.copyOfRange(DATA, 0, 100));
        assertThat(r.headers().firstValue("Content-Type")).hasValue("video/mp4");

        HttpResponse<byte[]> tail = get("/system/media_attachments/files/1/file.mp3", "Range", "bytes=4900-");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes 4900-4999/" + DATA.length);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(DATA, 4900, 5000));
        // Video players ask whether ranges are possible before seeking.
        assertThat(get("/system/media_attachments/files/1/file.mp4").headers().firstValue("Accept-Ranges"))
                .hasValue("bytes");

        HttpResponse<byte[]> beyond = get("/system/media_attachments/files/1/file.mp4", "Range", "bytes=9000-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + DATA.length);
        HttpResponse<byte[]> last = get("/system/media_attachments/files/1/file.mp4", "Range", "bytes=-10");
        assertThat(last.statusCode()).isEqualTo(206);
        assertThat(last.body()).isEqualTo(java.util.Arrays.copyOfRange(DATA, 4990, 5000));
        // Several ranges, or a reversed one: the whole file, as RFC 9110 allows.
        assertThat(get("/system/media_attachments/files/1/file.mp4", "Range", "bytes=0-1,5-6").body()).isEqualTo(DATA);
        assertThat(get("/system/media_attachments/files/1/file.mp4", "Range", "bytes=9-3").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnchangedFileIsNotSentAgain() throws Exception {
        String etag = get("/system/media_attachments/files/1/file.jpg").headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get("/system/media_attachments/files/1/file.jpg", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/system/media_attachments/files/1/file.png")).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(r.headers().firstValue("Content-Length")).hasValue(Integer.toString(DATA.length));
    }

    @Test
    void aMissingFileIsNotFound() throws Exception {
        assertThat(get("/system/media_attachments/files/1/none.png").statusCode()).isEqualTo(404);
        assertThat(get("/system/media_attachments/files/9/").statusCode()).isEqualTo(404);
    }

    @Test
    void activeContentIsSandboxed() throws Exception {
        for (String name : new String[] {"image.svg", "page.html"}) {
            HttpResponse<byte[]> r = get("/system/media_attachments/files/1/" + name);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(name)
                    .hasValue("default-src 'none'; sandbox");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(name).hasValue("nosniff");
        }
    }

    @Test
    void nothingOutsideTheMediaFolderIsServed() throws Exception {
        for (String path : new String[] {"/system/../secret.txt", "/system/%2e%2e/secret.txt",
                "/system/%2E%2E/secret.txt", "/system/..%2fsecret.txt", "/system/%2e%2e%2fsecret.txt",
                "/system/media_attachments/../../secret.txt", "/system/media_attachments/%2e%2e/%2e%2e/secret.txt",
                "/system/..%5csecret.txt", "/system//../secret.txt", "/system/%252e%252e/secret.txt"}) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: " + URI.create(server.baseUrl()).getAuthority()
                    + "\r\nConnection: close\r\n\r\n");
            String status = response.substring(0, response.indexOf("\r\n"));
            assertThat(status).as(path).doesNotContain(" 200 ");
            assertThat(response).as(path).doesNotContain("not for the public");
        }
    }

    /** A request as sent, byte for byte: HTTP clients tidy ".." away before it could reach the server. */
    private static String raw(String request) throws IOException {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
