package social.starling.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import social.starling.federation.signature.HttpSigner;
import social.starling.federation.signature.Keys;

/**
 * A fake remote server on 127.0.0.1 for federation tests: it serves actor documents (with their RSA public keys) and
 * WebFinger for the actors made with {@link #actor}, any other document given to {@link #serve}, and records what
 * is POSTed to it. Each {@link Actor} signs requests to a {@link TestApp}'s inbox as Mastodon does (draft-cavage,
 * rsa-sha256, {@code (request-target) host date digest}).
 *
 * <p>The TestApp must be allowed to reach loopback: {@code TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE",
 * "127.0.0.0/8")}. Close the stub after the class ({@code @AfterAll}).
 */
public final class RemoteActorStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A request the stub received. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, Actor> actors = new ConcurrentHashMap<>();
    public final List<Received> received = new CopyOnWriteArrayList<>();

    private RemoteActorStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        new LinkedHashMap<>(exchange.getRequestHeaders()), body));
                String path = exchange.getRequestURI().getPath();
                if (exchange.getRequestMethod().equals("POST")) {
                    exchange.sendResponseHeaders(202, -1);
                    return;
                }
                String document = path.equals("/.well-known/webfinger")
                        ? webFinger(exchange.getRequestURI().getRawQuery()) : documents.get(path);
                if (document == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", path.startsWith("/.well-known/")
                        ? "application/jrd+json" : "application/activity+json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (IOException e) {
                // the client went away
            }
        });
        server.start();
    }

    public static RemoteActorStub start() {
        try {
            return new RemoteActorStub();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code 127.0.0.1:<port>}: the domain of this server's accounts. */
    public String domain() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String origin() {
        return "http://" + domain();
    }

    /** Serves {@code json} at {@code path} as {@code application/activity+json}. */
    public void serve(String path, String json) {
        documents.put(path, json);
    }

    /** The actor {@code name} ({@code <origin>/users/<name>}), made with a new key pair on first use. */
    public Actor actor(String name) {
        return actors.computeIfAbsent(name, n -> {
            Actor actor = new Actor(n, Keys.generateRsa());
            serve("/users/" + n, actor.document().toString());
            return actor;
        });
    }

    private String webFinger(String rawQuery) {
        String resource = rawQuery == null ? "" : URLDecoder.decode(rawQuery.replaceFirst("^resource=", ""),
                StandardCharsets.UTF_8);
        for (Actor actor : actors.values()) {
            if (resource.equals("acct:" + actor.name + "@" + domain())) {
                ObjectNode jrd = JSON.createObjectNode().put("subject", resource);
                jrd.putArray("links").addObject().put("rel", "self").put("type", "application/activity+json")
                        .put("href", actor.uri());
                return jrd.toString();
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A remote actor: its document, its key, and signed POSTs as it. */
    public final class Actor {
        public final String name;
        public final KeyPair keys;

        private Actor(String name, KeyPair keys) {
            this.name = name;
            this.keys = keys;
        }

        public String uri() {
            return origin() + "/users/" + name;
        }

        public String keyId() {
            return uri() + "#main-key";
        }

        /** A new id under this actor, for activities and objects: {@code <actor>/<suffix>}. */
        public String id(String suffix) {
            return uri() + "/" + suffix;
        }

        /** The actor document, as Mastodon shapes it (also the object of an Update of this actor). */
        public ObjectNode document() {
            ObjectNode doc = JSON.createObjectNode();
            ArrayNode context = doc.putArray("@context");
            context.add("https://www.w3.org/ns/activitystreams").add("https://w3id.org/security/v1");
            doc.put("id", uri()).put("type", "Person").put("preferredUsername", name).put("name", name)
                    .put("inbox", uri() + "/inbox").put("outbox", uri() + "/outbox")
                    .put("followers", uri() + "/followers").put("following", uri() + "/following")
                    .put("manuallyApprovesFollowers", false).put("url", origin() + "/@" + name);
            doc.putObject("endpoints").put("sharedInbox", origin() + "/inbox");
            doc.putObject("publicKey").put("id", keyId()).put("owner", uri())
                    .put("publicKeyPem", Keys.toPem(keys.getPublic()));
            return doc;
        }

        /** The Date, Digest and Signature headers for a POST of {@code body} to {@code target}, dated by {@code clock}. */
        public Map<String, String> sign(URI target, byte[] body, Clock clock) {
            return new HttpSigner(clock).sign("POST", target, Map.of(), body, keyId(), keys.getPrivate());
        }

        /** POSTs {@code json}, signed now, to {@code inbox} (a full URL) and answers what the server said. */
        public HttpResult post(String inbox, String json) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            return send(URI.create(inbox), sign(URI.create(inbox), body, Clock.systemUTC()), body);
        }

        /** POSTs {@code body} with exactly these headers (except Host, which the client sets from the URI). */
        public HttpResult send(URI inbox, Map<String, String> headers, byte[] body) {
            return RemoteActorStub.send(inbox, headers, body);
        }
    }

    /** A POST to {@code target} with {@code headers} (Host is the URI's) and an activity+json content type. */
    public static HttpResult send(URI target, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/activity+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpResult(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
