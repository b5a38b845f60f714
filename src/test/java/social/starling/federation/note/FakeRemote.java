package social.starling.federation.note;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A remote server on its own loopback address (127.0.0.2, .3, ... so each is another origin), serving actor
 * documents, WebFinger for them, and whatever documents a test puts at a path, as ActivityStreams JSON. Records the
 * requests it gets (path and headers), like fetch/LoopbackServer. Fixture files use {@code {{remote}}} for this
 * server's base URL and {@code {{local}}} for Starling's.
 */
final class FakeRemote implements AutoCloseable {
    record Received(String path, Headers headers) {
    }

    private final HttpServer server;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final String local;

    FakeRemote(String address, String local) {
        this.local = local;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    /** {@code http://127.0.0.x:port}. */
    String base() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** The account domain Starling gives this server's actors ({@code 127.0.0.x:port}). */
    String domain() {
        return base().substring("http://".length());
    }

    /** Serves an actor {@code <base>/users/<name>} and WebFinger for {@code name@domain}. */
    FakeRemote actor(String name) {
        put("/users/" + name, """
                {"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
                 "id": "{{remote}}/users/%1$s", "type": "Person", "preferredUsername": "%1$s", "name": "%1$s",
                 "inbox": "{{remote}}/users/%1$s/inbox", "outbox": "{{remote}}/users/%1$s/outbox",
                 "followers": "{{remote}}/users/%1$s/followers", "following": "{{remote}}/users/%1$s/following",
                 "url": "{{remote}}/@%1$s", "endpoints": {"sharedInbox": "{{remote}}/inbox"}}
                """.formatted(name));
        return this;
    }

    /** Puts a document (placeholders filled) at {@code path}. */
    FakeRemote put(String path, String json) {
        documents.put(path, fill(json));
        return this;
    }

    FakeRemote remove(String path) {
        documents.remove(path);
        return this;
    }

    /** A fixture file's text with the placeholders filled. */
    String fixture(String name) {
        try (InputStream in = FakeRemote.class.getResourceAsStream("/fixtures/remote/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return fill(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fill(String json) {
        return json.replace("{{remote}}", base()).replace("{{local}}", local).replace("{{domain}}", domain());
    }

    private void serve(HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestURI().toString(), exchange.getRequestHeaders()));
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body;
            String type = "application/activity+json";
            if (path.equals("/.well-known/webfinger")) {
                String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
                String acct = query.replaceFirst("^resource=(acct:)?", "");
                String name = acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct;
                body = documents.containsKey("/users/" + name) ? fill("""
                        {"subject": "acct:%s@{{domain}}", "links": [{"rel": "self",
                         "type": "application/activity+json", "href": "{{remote}}/users/%s"}]}
                        """.formatted(name, name)) : null;
                type = "application/jrd+json";
            } else {
                body = documents.get(path);
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
