package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.errors.ForbiddenException;
import social.starling.errors.GoneException;
import social.starling.errors.RateLimitedException;
import social.starling.errors.UnauthorizedException;
import social.starling.errors.UnprocessableException;
import social.starling.testing.HttpResult;
import social.starling.testing.TestApp;

/** Cross-cutting HTTP behaviour: Mastodon's error bodies, CORS, request ids, compression, admission control. */
class HttpBehaviourTest {
    static final CountDownLatch release = new CountDownLatch(1);
    static final CountDownLatch entered = new CountDownLatch(1);

    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_MAX_IN_FLIGHT", "1")
            .withRoutes(t -> {
                var r = t.mastodonApi();
                r.get("/test/slow", ctx -> {
                    entered.countDown();
                    release.await(20, TimeUnit.SECONDS);
                    ctx.json(Map.of("slow", true));
                });
                r.get("/test/unauthorized", ctx -> {
                    throw new UnauthorizedException("The access token is invalid");
                });
                r.get("/test/forbidden", ctx -> {
                    throw new ForbiddenException("This action is outside the authorized scopes");
                });
                r.get("/test/gone", ctx -> {
                    throw new GoneException("Gone");
                });
                r.get("/test/unprocessable", ctx -> {
                    throw new UnprocessableException("Validation failed: Text can't be blank");
                });
                r.get("/test/limited", ctx -> {
                    throw new RateLimitedException("Too many requests", java.time.Duration.ofSeconds(30));
                });
                r.get("/test/crash", ctx -> {
                    throw new IllegalStateException("secret internal detail");
                });
                r.get("/test/big", ctx -> ctx.json(Map.of("data", "x".repeat(10_000))));
                r.get("/test/big-body", ctx -> JsonBody.write(ctx, Map.of("data", "y".repeat(10_000))));
                r.get("/test/huge-body", ctx -> JsonBody.write(ctx, Map.of("data", "z".repeat(300_000))));
            });

    @Test
    void errorsUseMastodonsStatusesAndBody() {
        assertError("/test/unauthorized", 401, "The access token is invalid");
        assertError("/test/forbidden", 403, "This action is outside the authorized scopes");
        assertError("/test/gone", 410, "Gone");
        assertError("/test/unprocessable", 422, "Validation failed: Text can't be blank");
        HttpResult limited = assertError("/test/limited", 429, "Too many requests");
        assertThat(limited.header("Retry-After")).contains("30");
        assertError("/api/v1/no/such/endpoint", 404, "Record not found");
    }

    @Test
    void unknownErrorsAreOpaqueAndQuoteTheRequestId() {
        HttpResult r = server.http().get("/test/crash");
        assertThat(r.status()).isEqualTo(500);
        String requestId = r.header("X-Request-Id").orElseThrow();
        assertThat(r.json().get("error").asText()).isEqualTo("Internal server error (request " + requestId + ")");
        assertThat(r.body()).doesNotContain("secret internal detail");
    }

    @Test
    void badJsonIsA400() {
        HttpResult r = server.http().postJson("/api/v1/instance", "{not json");
        // POST to a GET-only path is a 404 in Javalin's router, as an unknown endpoint.
        assertThat(r.status()).isIn(400, 404, 405);
        assertThat(r.json().has("error")).isTrue();
    }

    @Test
    void corsLetsBrowserClientsIn() {
        HttpResult preflight = server.http().send("OPTIONS", "/api/v1/instance", Map.of(
                "Origin", "https://elk.zone",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type"), null);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.header("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("authorization,content-type");

        HttpResult get = server.http().send("GET", "/api/v2/instance", Map.of("Origin", "https://elk.zone"), null);
        assertThat(get.header("Access-Control-Allow-Origin")).contains("*");
        assertThat(get.header("Access-Control-Expose-Headers").orElse("")).contains("Link");
        HttpResult page = server.http().send("GET", "/livez", Map.of("Origin", "https://elk.zone"), null);
        assertThat(page.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void everyResponseCarriesARequestId() {
        assertThat(server.http().get("/api/v2/instance").header("X-Request-Id")).isPresent();
    }

    @Test
    void largeResponsesAreCompressedWhenTheClientAsks() {
        HttpResult r = server.http().send("GET", "/test/big", Map.of("Accept-Encoding", "gzip"), null);
        assertThat(r.header("Content-Encoding")).contains("gzip");
    }

    /** Javalin's compression (ctx.json) and the hot paths' own (JsonBody, GzipBody) answer alike. */
    @ParameterizedTest
    @ValueSource(strings = {"/test/big", "/test/big-body"})
    void aCompressedAnswerInflatesToTheSameJson(String path) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
                .header("Accept-Encoding", "gzip, deflate, br").build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        byte[] inflated;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            inflated = in.readAllBytes();
        }
        HttpResult plain = server.http().get(path);
        assertThat(plain.header("Content-Encoding")).isEmpty();
        assertThat(new String(inflated, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain.body());
        assertThat(response.body().length).isLessThan(inflated.length / 10);
        if (path.equals("/test/big-body")) {
            assertThat(response.headers().firstValue("Vary").orElse("")).contains("Accept-Encoding");
        }
    }

    /**
     * JsonBody writes from pooled buffers: every answer whole, a huge one (not kept in the pool) too, and again after;
     * with gzip refused (q=0) or another coding asked for, as it is.
     */
    @Test
    void jsonBodyAnswersAreWhole() {
        for (int round = 0; round < 3; round++) {
            for (var path : Map.of("/test/big-body", 10_000, "/test/huge-body", 300_000).entrySet()) {
                HttpResult r = server.http().get(path.getKey());
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().get("data").asText()).hasSize(path.getValue());
                assertThat(r.header("Content-Length").map(Integer::parseInt).orElse(r.body().length()))
                        .isEqualTo(r.body().length());
            }
        }
        for (String accepted : List.of("gzip;q=0, identity", "br", "deflate")) {
            HttpResult r = server.http().send("GET", "/test/big-body", Map.of("Accept-Encoding", accepted), null);
            assertThat(r.status()).as(accepted).isEqualTo(200);
            assertThat(r.header("Content-Encoding")).as(accepted).isEmpty();
            assertThat(r.json().get("data").asText()).as(accepted).hasSize(10_000);
        }
    }

    @Test
    void pastTheInFlightBoundRequestsGet503WithRetryAfter() throws Exception {
        var pool = Executors.newVirtualThreadPerTaskExecutor();
        Future<HttpResult> slow = pool.submit(() -> server.http().get("/test/slow"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        HttpResult refused = server.http().get("/api/v2/instance");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(refused.json().get("error").asText()).contains("busy");
        // Probes are not counted against the bound... but they still pass through the wrapper; livez answers.
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(server.http().get("/api/v2/instance").status()).isEqualTo(200);
        pool.shutdown();
    }

    private static HttpResult assertError(String path, int status, String message) {
        HttpResult r = server.http().get(path);
        assertThat(r.status()).as(path).isEqualTo(status);
        assertThat(r.header("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.json().get("error").asText()).isEqualTo(message);
        assertThat(List.of(r.json().fieldNames().next())).containsExactly("error");
        return r;
    }
}
