package social.starling.api.activitypub;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import social.starling.federation.signature.HttpSigner;
import social.starling.federation.signature.Keys;

/**
 * A remote server on 127.0.0.1 with one actor and its key: it answers WebFinger for it and serves its actor
 * document, and it signs GETs as that actor with {@link HttpSigner}, as a remote Mastodon would.
 */
final class FakeRemoteActor implements AutoCloseable {
    final String username;
    final KeyPair keys = Keys.generateRsa();
    final AtomicInteger actorFetches = new AtomicInteger();
    /** The display name its actor document carries now. */
    volatile String name = "";
    private final HttpServer server;

    FakeRemoteActor(String username) throws IOException {
        this.username = username;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/.well-known/webfinger")) {
                    send(exchange.getResponseHeaders(), exchange, "application/jrd+json", """
                            {"subject": "acct:%s@%s", "links": [{"rel": "self",
                             "type": "application/activity+json", "href": "%s"}]}""".formatted(username, authority(),
                            actorId()));
                } else if (path.equals("/users/" + username)) {
                    actorFetches.incrementAndGet();
                    send(exchange.getResponseHeaders(), exchange, "application/activity+json", actorDocument());
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        server.start();
    }

    String authority() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String actorId() {
        return "http://" + authority() + "/users/" + username;
    }

    String keyId() {
        return actorId() + "#main-key";
    }

    /** Headers for a GET of {@code url} signed with this actor's key ({@code (request-target) host date}). */
    Map<String, String> signedGet(String url, String accept) {
        Map<String, String> headers = new LinkedHashMap<>(new HttpSigner(Clock.systemUTC())
                .sign("GET", URI.create(url), Map.of(), null, keyId(), keys.getPrivate()));
        headers.remove("Host"); // the client sends the same Host itself; it refuses to set it by hand
        headers.put("Accept", accept);
        return headers;
    }

    private String actorDocument() {
        String pem = Keys.toPem(keys.getPublic()).replace("\n", "\\n");
        return """
                {"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
                 "id": "%1$s", "type": "Person", "preferredUsername": "%2$s", "name": "%4$s", "inbox": "%1$s/inbox",
                 "publicKey": {"id": "%1$s#main-key", "owner": "%1$s", "publicKeyPem": "%3$s"}}"""
                .formatted(actorId(), username, pem, name);
    }

    private static void send(com.sun.net.httpserver.Headers headers, com.sun.net.httpserver.HttpExchange exchange,
                             String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
