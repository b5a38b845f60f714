package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.support.Json;
import social.starling.testing.HttpResult;
import social.starling.testing.TestApp;

/**
 * Request bodies from strangers are bounded: past {@code STARLING_MAX_BODY_BYTES} (or the upload limit for
 * multipart) a 413 with Mastodon's {@code {"error": ...}}, whether the length is announced or the body is chunked;
 * hostile JSON (deep nesting, endless strings or numbers) is a 400 that says which bound it broke.
 */
class BodyLimitsTest {
    static final int MAX_BODY = 1_100_000;
    static final int MAX_UPLOAD = 3_000_000;

    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_MAX_BODY_BYTES", Integer.toString(MAX_BODY))
            .with("STARLING_MAX_UPLOAD_BYTES", Integer.toString(MAX_UPLOAD))
            .withRoutes(t -> t.mastodonApi()
                    .post("/test/echo", ctx -> ctx.json(Map.of("keys",
                            Params.of(ctx, Json.mapper()).node().size())))
                    .post("/test/upload", ctx -> ctx.json(Map.of("files", ctx.uploadedFiles().size()))));

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aBodyOverTheLimitIs413() {
        HttpResult r = server.http().postJson("/test/echo", "{\"a\": \"" + "x".repeat(MAX_BODY) + "\"}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("error").asText()).isEqualTo("The request body is too large");
        // The same on a real endpoint, before it reads anything (here one that would want a token).
        assertThat(server.http().postJson("/api/v1/statuses", "{\"status\": \"" + "x".repeat(MAX_BODY) + "\"}")
                .status()).isEqualTo(413);
        // Within the limit the handler runs.
        assertThat(server.http().postJson("/test/echo", "{\"a\": 1, \"b\": 2}").json().get("keys").asInt())
                .isEqualTo(2);
    }

    /**
     * A handler that answers without reading the body (here a 401 before any parameter is read) must not cost
     * the client its connection: the body arrives after the headers, as clients often send it, and the next
     * request on the same connection is still answered.
     */
    @Test
    void aBodyTheHandlerDidNotReadKeepsTheConnectionUsable() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", URI.create(server.baseUrl()).getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /api/v1/statuses HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponseHead(in)).startsWith("HTTP/1.1 401");
            out.write("GET /api/v1/instance HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponseHead(in)).startsWith("HTTP/1.1 200");
        }
    }

    /** The status line and headers of one response, and its body skipped by its Content-Length. */
    private static String readResponseHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return "closed after: " + head;
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        assertThat(length.find()).as(head.toString()).isTrue();
        in.readNBytes(Integer.parseInt(length.group(1)));
        return head.toString();
    }

    @Test
    void aChunkedBodyIsCutAtTheLimit() throws Exception {
        byte[] body = ("{\"a\": \"" + "x".repeat(MAX_BODY) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/test/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("\"error\"");
    }

    @Test
    void deeplyNestedJsonIsA400WithAReason() {
        HttpResult r = server.http().postJson("/test/echo", "{\"a\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).startsWith("The request body exceeds a limit")
                .contains("nesting depth").doesNotContain("StreamReadConstraints");
    }

    @Test
    void endlessNumbersAndStringsAre400() {
        HttpResult number = server.http().postJson("/test/echo", "{\"a\": " + "9".repeat(5_000) + "}");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.json().get("error").asText()).contains("Number value length");
        HttpResult string = server.http().postJson("/test/echo", "{\"a\": \"" + "x".repeat(1_000_100) + "\"}");
        assertThat(string.status()).isEqualTo(400);
        assertThat(string.json().get("error").asText()).contains("String value length");
        assertThat(server.http().postJson("/test/echo", "{\"a\": ").json().get("error").asText())
                .isEqualTo("The request body is not valid JSON");
    }

    @Test
    void uploadsHaveTheirOwnLargerLimit() throws Exception {
        assertThat(upload(2_000_000, false).statusCode()).isEqualTo(200);
        HttpResponse<String> tooBig = upload(MAX_UPLOAD + 10, false);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("The request body is too large");
        HttpResponse<String> chunked = upload(MAX_UPLOAD + 10, true);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"error\"");
    }

    private HttpResponse<String> upload(int size, boolean chunked) throws Exception {
        String boundary = "----starling-limits";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[size]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/test/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                        : HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
