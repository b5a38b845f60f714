package social.starling.federation.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.starling.config.Cidr;
import social.starling.federation.fetch.FetchException.Reason;

/**
 * The outbound client against real servers on loopback. The "canary" servers count what reaches them: a refused
 * fetch must leave them untouched, not merely fail afterwards.
 */
class RemoteFetcherTest {
    static final String AS2 = "application/activity+json";

    LoopbackServer server;
    LoopbackServer canary;
    RemoteFetcher open;
    RemoteFetcher strict;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer("127.0.0.1");
        canary = new LoopbackServer("127.0.0.2");
        canary.json("/", AS2, "{}");
        open = fetcher(List.of("127.0.0.1/32"), Duration.ofSeconds(5), 64 * 1024);
        strict = fetcher(List.of(), Duration.ofSeconds(5), 64 * 1024);
    }

    @AfterEach
    void stop() {
        open.close();
        strict.close();
        server.close();
        canary.close();
    }

    static RemoteFetcher fetcher(List<String> allow, Duration timeout, int maxBytes) {
        return new RemoteFetcher(new FetchSettings(new AddressPolicy(allow.stream().map(Cidr::parse).toList()),
                Duration.ofSeconds(2), timeout, maxBytes, 3, FetchSettings.userAgent("https://starling.example")));
    }

    String actor(URI id) {
        return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + id
                + "\",\"type\":\"Person\",\"preferredUsername\":\"alice\"}";
    }

    static Reason reason(ThrowingCall call) {
        try {
            call.run();
        } catch (FetchException e) {
            return e.reason();
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
        throw new AssertionError("no FetchException");
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    // The SSRF guard

    @Test
    void loopbackIsRefusedAndNothingReachesIt() throws Exception {
        for (URI target : List.of(canary.uri("/"), URI.create("http://localhost:" + canary.port() + "/"),
                URI.create("http://2130706433:" + canary.port() + "/"),
                URI.create("http://[::1]:" + canary.port() + "/"),
                URI.create("http://[::ffff:127.0.0.2]:" + canary.port() + "/"),
                URI.create("http://0.0.0.0:" + canary.port() + "/"))) {
            assertThatThrownBy(() -> strict.getJson(target)).as(target.toString())
                    .isInstanceOf(FetchException.class)
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(Reason.REFUSED_ADDRESS);
        }
        // java.net.URI finds no host in "127.1" (its last label starts with a digit): refused before any lookup.
        assertThat(reason(() -> strict.getJson(URI.create("http://127.1:" + canary.port() + "/"))))
                .isEqualTo(Reason.BAD_URL);
        assertThatThrownBy(() -> strict.post(canary.uri("/inbox"), Map.of(), "{}".getBytes()))
                .hasMessageContaining("a loopback address, which Starling does not connect to");
        assertThat(canary.received).isEmpty();
    }

    @Test
    void theAllowlistOpensLoopbackForTests() throws Exception {
        server.json("/users/alice", AS2, actor(server.uri("/users/alice")));
        FetchedJson fetched = open.getJson(server.uri("/users/alice"));
        assertThat(fetched.id()).isEqualTo(server.uri("/users/alice"));
        assertThat(fetched.document().get("preferredUsername").asText()).isEqualTo("alice");

        LoopbackServer.Received request = server.received.getFirst();
        assertThat(request.headers().getFirst("Accept")).isEqualTo(
                "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
        assertThat(request.headers().getFirst("User-Agent")).isEqualTo("Starling/0.1.0 (+https://starling.example)");
        assertThat(request.headers().get("Host")).containsExactly("127.0.0.1:" + server.port());
    }

    @Test
    void aRedirectToARefusedAddressIsRefused() {
        server.redirect("/users/alice", 302, canary.uri("/").toString());
        assertThat(reason(() -> open.getJson(server.uri("/users/alice")))).isEqualTo(Reason.REFUSED_ADDRESS);
        server.redirect("/meta", 301, "http://169.254.169.254/latest/meta-data/");
        assertThat(reason(() -> open.get(server.uri("/meta"), "*/*", 1000, RequestSigner.NONE)))
                .isEqualTo(Reason.REFUSED_ADDRESS);
        assertThat(canary.received).isEmpty();
        assertThat(server.received).hasSize(2);
    }

    @Test
    void redirectsAreFollowedUpToThreeHopsAndTheIdMustMatchTheLastOrigin() throws Exception {
        server.redirect("/a", 301, "/b").redirect("/b", 302, server.uri("/c").toString()).redirect("/c", 307, "d")
                .json("/d", AS2, actor(server.uri("/users/alice")));
        FetchedJson fetched = open.getJson(server.uri("/a"));
        assertThat(fetched.requestedUri()).isEqualTo(server.uri("/a"));
        assertThat(fetched.finalUri()).isEqualTo(server.uri("/d"));
        assertThat(fetched.id()).isEqualTo(server.uri("/users/alice"));

        server.redirect("/one-more", 308, "/a");
        assertThat(reason(() -> open.getJson(server.uri("/one-more")))).isEqualTo(Reason.TOO_MANY_REDIRECTS);
        server.redirect("/loop", 302, "/loop");
        assertThat(reason(() -> open.getJson(server.uri("/loop")))).isEqualTo(Reason.TOO_MANY_REDIRECTS);
        server.redirect("/bad", 302, "ftp://example.com/x");
        assertThat(reason(() -> open.getJson(server.uri("/bad")))).isEqualTo(Reason.BAD_URL);
    }

    @Test
    void aSignerSignsEveryHopForItsOwnUrl() throws Exception {
        server.redirect("/a", 302, "/b").json("/b", AS2, actor(server.uri("/b")));
        List<URI> signed = new CopyOnWriteArrayList<>();
        open.getJson(server.uri("/a"), (method, target, body) -> {
            signed.add(target);
            return Map.of("Signature", "for " + target.getPath(), "Date", "Tue, 04 Mar 2025 10:15:30 GMT");
        });
        assertThat(signed).containsExactly(server.uri("/a"), server.uri("/b"));
        assertThat(server.received).extracting(r -> r.headers().getFirst("Signature"))
                .containsExactly("for /a", "for /b");
    }

    // Limits

    @Test
    void aBodyOverTheLimitIsRefused() {
        byte[] big = ("{\"id\":\"x\",\"pad\":\"" + "a".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        server.route("/declared", exchange -> LoopbackServer.send(exchange, 200, AS2, big));
        server.route("/chunked", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", AS2);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[8192]);
                }
            }
        });
        server.route("/gzip-bomb", exchange -> {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(new byte[10 * 1024 * 1024]);
            }
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            LoopbackServer.send(exchange, 200, AS2, zipped.toByteArray());
        });
        for (String path : List.of("/declared", "/chunked", "/gzip-bomb")) {
            assertThat(reason(() -> open.getJson(server.uri(path)))).as(path).isEqualTo(Reason.TOO_LARGE);
        }
    }

    @Test
    void aSlowServerTimesOut() {
        RemoteFetcher impatient = fetcher(List.of("127.0.0.1/32"), Duration.ofMillis(500), 1024);
        try {
            server.route("/slow", exchange -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                LoopbackServer.send(exchange, 200, AS2, "{}".getBytes());
            });
            long start = System.nanoTime();
            assertThat(reason(() -> impatient.getJson(server.uri("/slow")))).isEqualTo(Reason.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        } finally {
            impatient.close();
        }
    }

    @Test
    void aTricklingBodyTimesOutToo() {
        RemoteFetcher impatient = fetcher(List.of("127.0.0.1/32"), Duration.ofMillis(700), 64 * 1024);
        try {
            server.route("/trickle", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", AS2);
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 30; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long start = System.nanoTime();
            assertThat(reason(() -> impatient.getJson(server.uri("/trickle")))).isEqualTo(Reason.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        } finally {
            impatient.close();
        }
    }

    // What a JSON document must be

    @Test
    void aDocumentWhoseIdIsOnAnotherOriginIsRefused() {
        server.json("/users/alice", AS2, actor(URI.create("https://elsewhere.example/users/alice")));
        assertThatThrownBy(() -> open.getJson(server.uri("/users/alice")))
                .isInstanceOf(FetchException.class)
                .hasMessage("the document at 127.0.0.1 claims the id https://elsewhere.example/users/alice on "
                        + "another origin");
        // Same host, another port or scheme: another origin.
        server.json("/port", AS2, actor(URI.create("http://127.0.0.1:1/users/alice")));
        assertThat(reason(() -> open.getJson(server.uri("/port")))).isEqualTo(Reason.ID_MISMATCH);
        server.json("/scheme", AS2, actor(URI.create("https://127.0.0.1:" + server.port() + "/x")));
        assertThat(reason(() -> open.getJson(server.uri("/scheme")))).isEqualTo(Reason.ID_MISMATCH);
    }

    @Test
    void aDocumentMustHaveAnHttpId() {
        server.json("/none", AS2, "{\"type\":\"Note\"}");
        server.json("/number", AS2, "{\"id\":5}");
        server.json("/urn", AS2, "{\"id\":\"urn:uuid:1\"}");
        assertThat(reason(() -> open.getJson(server.uri("/none")))).isEqualTo(Reason.ID_MISMATCH);
        assertThat(reason(() -> open.getJson(server.uri("/number")))).isEqualTo(Reason.ID_MISMATCH);
        assertThat(reason(() -> open.getJson(server.uri("/urn")))).isEqualTo(Reason.ID_MISMATCH);
    }

    @Test
    void theFragmentOfAKeyIdIsNotSent() throws Exception {
        server.json("/users/alice", AS2, actor(server.uri("/users/alice")));
        FetchedJson fetched = open.getJson(URI.create(server.uri("/users/alice") + "#main-key"));
        assertThat(fetched.id()).isEqualTo(server.uri("/users/alice"));
        assertThat(server.received.getFirst().path()).isEqualTo("/users/alice");
    }

    @Test
    void contentTypes() throws Exception {
        server.json("/ld", "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"",
                actor(server.uri("/ld")));
        server.json("/json", "application/json; charset=utf-8", actor(server.uri("/json")));
        server.json("/upper", "Application/Activity+JSON", actor(server.uri("/upper")));
        server.json("/html", "text/html", actor(server.uri("/html")));
        server.json("/none", null, actor(server.uri("/none")));
        assertThat(open.getJson(server.uri("/ld")).id()).isEqualTo(server.uri("/ld"));
        assertThat(open.getJson(server.uri("/json")).id()).isEqualTo(server.uri("/json"));
        assertThat(open.getJson(server.uri("/upper")).id()).isEqualTo(server.uri("/upper"));
        assertThatThrownBy(() -> open.getJson(server.uri("/html")))
                .hasMessage("127.0.0.1 answered text/html, not ActivityStreams JSON");
        assertThat(reason(() -> open.getJson(server.uri("/none")))).isEqualTo(Reason.UNEXPECTED_CONTENT_TYPE);
    }

    @Test
    void malformedOrHostileJson() {
        server.json("/broken", AS2, "{\"id\":");
        server.json("/array", AS2, "[]");
        server.json("/duplicate", AS2, "{\"id\":\"" + server.uri("/duplicate") + "\",\"id\":\"x\"}");
        server.json("/deep", AS2, "{\"id\":\"" + server.uri("/deep") + "\",\"a\":" + "[".repeat(70) + "]".repeat(70) + "}");
        assertThat(reason(() -> open.getJson(server.uri("/broken")))).isEqualTo(Reason.INVALID_JSON);
        assertThat(reason(() -> open.getJson(server.uri("/array")))).isEqualTo(Reason.INVALID_JSON);
        assertThat(reason(() -> open.getJson(server.uri("/duplicate")))).isEqualTo(Reason.INVALID_JSON);
        assertThat(reason(() -> open.getJson(server.uri("/deep")))).isEqualTo(Reason.INVALID_JSON);
    }

    @Test
    void statusCodes() {
        server.route("/gone", exchange -> exchange.sendResponseHeaders(410, -1));
        server.route("/error", exchange -> exchange.sendResponseHeaders(503, -1));
        FetchException missing = catchFetch(() -> open.getJson(server.uri("/missing")));
        assertThat(missing.status()).hasValue(404);
        assertThat(missing.isGone()).isTrue();
        assertThat(catchFetch(() -> open.getJson(server.uri("/gone"))).isGone()).isTrue();
        FetchException error = catchFetch(() -> open.getJson(server.uri("/error")));
        assertThat(error.reason()).isEqualTo(Reason.HTTP_STATUS);
        assertThat(error.isGone()).isFalse();
        assertThat(error).hasMessage("127.0.0.1 answered 503");
    }

    @Test
    void badUrls() {
        for (String url : List.of("ftp://example.com/x", "/relative", "http://user:pw@example.com/", "mailto:a@b.c")) {
            assertThat(reason(() -> open.getJson(URI.create(url)))).as(url).isEqualTo(Reason.BAD_URL);
        }
    }

    @Test
    void anUnknownHostOrAClosedPort() throws Exception {
        assertThat(reason(() -> open.getJson(URI.create("http://nowhere.invalid/x"))))
                .isIn(Reason.UNKNOWN_HOST, Reason.TIMEOUT);
        int closed;
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = probe.getLocalPort();
        }
        int port = closed;
        assertThat(reason(() -> open.getJson(URI.create("http://127.0.0.1:" + port + "/x")))).isEqualTo(Reason.NETWORK);
    }

    // Resolving by any URL (Mastodon's id_is_known = false)

    @Test
    void byAnyUrlARemoteIdIsFetchedAgainFromItsOrigin() throws Exception {
        try (LoopbackServer origin = new LoopbackServer("127.0.0.1")) {
            URI id = origin.uri("/users/alice");
            origin.json("/users/alice", AS2, actor(id));
            server.json("/@alice", AS2, actor(id));
            FetchedJson fetched = open.getJsonByAnyUrl(server.uri("/@alice"), RequestSigner.NONE);
            assertThat(fetched.id()).isEqualTo(id);
            assertThat(fetched.finalUri()).isEqualTo(id);
            assertThat(fetched.requestedUri()).isEqualTo(server.uri("/@alice"));
            assertThat(origin.received).hasSize(1);

            origin.json("/users/alice", AS2, actor(origin.uri("/users/someone-else")));
            assertThat(reason(() -> open.getJsonByAnyUrl(server.uri("/@alice"), RequestSigner.NONE)))
                    .isEqualTo(Reason.ID_MISMATCH);
            assertThat(reason(() -> open.getJson(server.uri("/@alice")))).isEqualTo(Reason.ID_MISMATCH);
        }
    }

    // Deliveries

    @Test
    void postDeliversHeadersAndBodyAndFollowsNoRedirect() throws Exception {
        server.route("/inbox", exchange -> exchange.sendResponseHeaders(202, -1));
        byte[] body = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);
        FetchedResponse answer = open.post(server.uri("/inbox"),
                Map.of("Content-Type", AS2, "Signature", "sig", "Digest", "SHA-256=x"), body);
        assertThat(answer.status()).isEqualTo(202);
        LoopbackServer.Received received = server.received.getFirst();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.headers().getFirst("Content-Type")).isEqualTo(AS2);
        assertThat(received.headers().getFirst("Signature")).isEqualTo("sig");
        assertThat(received.headers().getFirst("Digest")).isEqualTo("SHA-256=x");

        server.redirect("/moved", 301, canary.uri("/").toString());
        FetchException moved = catchFetch(() -> open.post(server.uri("/moved"), Map.of(), body));
        assertThat(moved.status()).hasValue(301);
        assertThat(canary.received).isEmpty();
    }

    static FetchException catchFetch(ThrowingCall call) {
        try {
            call.run();
        } catch (FetchException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no FetchException");
    }
}
