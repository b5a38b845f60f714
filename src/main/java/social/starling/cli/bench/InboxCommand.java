package social.starling.cli.bench;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import social.starling.config.Config;
import social.starling.db.BenchRepository;
import social.starling.db.Database;
import social.starling.federation.signature.HttpSigner;
import social.starling.federation.signature.Keys;
import social.starling.support.Json;

/**
 * {@code starling bench inbox}: signed inbox ingest. Serves {@code --actors} fake remote actors (their documents
 * and keys) from a loopback listener, signs {@code --activities} {@code Create(Note)}s from them in advance (RSA
 * signing costs the sender ~1.7 ms each, which would otherwise be measured instead of the server), then POSTs them
 * to the running server's shared inbox with {@code --concurrency} requests in flight and reports the accepted rate
 * and latencies (verification is synchronous, so this is the rate of verified ingest), then how long the ingress
 * lane took to process them all (counted in the database). Each note mentions {@code --mention}, a local member,
 * so it is related to local activity and stored, as a real one would be. The server must allow loopback fetches:
 * {@code STARLING_FEDERATION_ALLOW_PRIVATE=127.0.0.0/8}.
 */
@Command(name = "inbox", description = "Signed inbox ingest: accepted rate, latency, processing time.")
final class InboxCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    BenchCommands bench;

    @Option(names = "--url", required = true, description = "The running server, e.g. http://127.0.0.1:8080")
    String url;

    @Option(names = "--mention", required = true, description = "A local username each note mentions.")
    String mention;

    @Option(names = "--actors", defaultValue = "20")
    int actors;

    @Option(names = "--activities", defaultValue = "10000")
    int activities;

    @Option(names = "--warmup", defaultValue = "500", description = "Activities sent first, not counted.")
    int warmup;

    @Option(names = "--concurrency", defaultValue = "64")
    int concurrency;

    @Option(names = "--accept-only", description = "The server runs no jobs (STARLING_JOBS_ENABLED=false): measure "
            + "the synchronous part alone (parse, verify, dedupe, queue) and do not wait for processing.")
    boolean acceptOnly;

    @Option(names = "--timeout-s", defaultValue = "600")
    int timeoutSeconds;

    private record Signed(byte[] body, Map<String, String> headers) {
    }

    @Override
    public Integer call() throws Exception {
        Config config = bench.apps.config();
        List<KeyPair> keys = IntStream.range(0, actors).parallel().mapToObj(i -> Keys.generateRsa()).toList();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        String remote = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/users/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/users/".length());
            int index = name.startsWith("bench") ? parse(name.substring(5)) : -1;
            if (index < 0 || index >= actors) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] doc = Json.mapper().writeValueAsBytes(actor(remote, index, keys.get(index)));
            exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
            exchange.sendResponseHeaders(200, doc.length);
            exchange.getResponseBody().write(doc);
            exchange.close();
        });
        // Starling confirms a new actor's handle by WebFinger on its host, as Mastodon does.
        server.createContext("/.well-known/webfinger", exchange -> {
            String query = java.net.URLDecoder.decode(String.valueOf(exchange.getRequestURI().getRawQuery()),
                    java.nio.charset.StandardCharsets.UTF_8);
            String host = remote.substring("http://".length());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("resource=acct:bench(\\d+)@(.+)")
                    .matcher(query);
            if (!m.matches() || !m.group(2).equals(host) || parse(m.group(1)) < 0 || parse(m.group(1)) >= actors) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] jrd = Json.mapper().writeValueAsBytes(Map.of("subject", "acct:bench" + m.group(1) + "@" + host,
                    "links", List.of(Map.of("rel", "self", "type", "application/activity+json",
                            "href", remote + "/users/bench" + m.group(1)))));
            exchange.getResponseHeaders().set("Content-Type", "application/jrd+json");
            exchange.sendResponseHeaders(200, jrd.length);
            exchange.getResponseBody().write(jrd);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        try {
            String target = url.replaceAll("/$", "");
            String mentioned = target + "/users/" + mention;
            HttpSigner signer = new HttpSigner(Clock.systemUTC());
            long run = System.currentTimeMillis();
            System.out.printf("signing %d + %d activities from %d actors...%n", warmup, activities, actors);
            List<Signed> all = IntStream.range(0, warmup + activities).parallel()
                    .mapToObj(i -> sign(signer, target, remote, mentioned, run, i, keys)).toList();
            HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            try (Database db = Database.open(config.database(), new SimpleMeterRegistry())) {
                BenchRepository queries = new BenchRepository();
                send(client, target, all.subList(0, warmup), "warm-up (keys and actors fetched, JIT)");
                drain(db, queries, Instant.now());
                Instant start = Instant.now();
                long[] latencies = send(client, target, all.subList(warmup, all.size()), "measured");
                Instant accepted = Instant.now();
                Instant done = drain(db, queries, start);
                double seconds = Duration.between(start, accepted).toNanos() / 1e9;
                Arrays.sort(latencies);
                System.out.printf("accepted %d signed activities in %.2f s: %.0f activities/s; latency p50 %.1f ms, "
                                + "p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", activities, seconds, activities / seconds,
                        pct(latencies, 0.50), pct(latencies, 0.90), pct(latencies, 0.99),
                        latencies[latencies.length - 1] / 1e6);
                double total = Duration.between(start, done).toNanos() / 1e9;
                System.out.printf(acceptOnly ? "(processing not measured: the server runs no jobs)%n" : "all processed %.2f s after the first was sent: %.0f activities/s end to end%n",
                        total, activities / total);
            }
        } finally {
            server.stop(0);
        }
        return 0;
    }

    private long[] send(HttpClient client, String target, List<Signed> batch, String label) throws Exception {
        long[] latencies = new long[batch.size()];
        AtomicInteger failures = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<Integer, String> samples = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(concurrency);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < batch.size(); i++) {
                int n = i;
                inFlight.acquire();
                pool.submit(() -> {
                    try {
                        Signed s = batch.get(n);
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + "/inbox"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/activity+json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(s.body()));
                        s.headers().forEach((k, v) -> {
                            if (!k.equalsIgnoreCase("Host")) {
                                request.header(k, v);
                            }
                        });
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = client.send(request.build(),
                                HttpResponse.BodyHandlers.ofString());
                        latencies[n] = System.nanoTime() - t0;
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                        if (response.statusCode() != 202) {
                            samples.putIfAbsent(response.statusCode(), response.body());
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
        System.out.printf("%s: %d sent, answers %s, %d failed to send%n", label, batch.size(), statuses,
                failures.get());
        samples.forEach((status, body) -> System.out.printf("  a %d answer: %s%n", status, body));
        return latencies;
    }

    private Instant drain(Database db, BenchRepository queries, Instant since) throws InterruptedException {
        if (acceptOnly) {
            return Instant.now();
        }
        Instant deadline = since.plusSeconds(timeoutSeconds);
        while (db.read(tx -> queries.pendingJobs(tx, "ingress")) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the ingress lane did not drain within " + timeoutSeconds + " s");
            }
            Thread.sleep(5);
        }
        return Instant.now();
    }

    private static Signed sign(HttpSigner signer, String target, String remote, String mentioned, long run, int i,
                               List<KeyPair> keys) {
        int actor = i % keys.size();
        String actorId = remote + "/users/bench" + actor;
        String noteId = actorId + "/statuses/" + run + "-" + i;
        Map<String, Object> note = Map.of("id", noteId, "type", "Note", "attributedTo", actorId,
                "content", "<p><a href=\"" + mentioned + "\" class=\"u-url mention\">@bench</a> ingest " + i + "</p>",
                "published", Instant.now().toString(),
                "to", List.of("https://www.w3.org/ns/activitystreams#Public"),
                "cc", List.of(actorId + "/followers", mentioned),
                "tag", List.of(Map.of("type", "Mention", "href", mentioned)));
        Map<String, Object> create = Map.of("@context", "https://www.w3.org/ns/activitystreams",
                "id", noteId + "/activity", "type", "Create", "actor", actorId, "object", note,
                "to", note.get("to"), "cc", note.get("cc"));
        try {
            byte[] body = Json.mapper().writeValueAsBytes(create);
            return new Signed(body, signer.sign("POST", URI.create(target + "/inbox"),
                    Map.of("Content-Type", "application/activity+json"), body, actorId + "#main-key",
                    keys.get(actor).getPrivate()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> actor(String remote, int index, KeyPair key) {
        String id = remote + "/users/bench" + index;
        return Map.of("@context", List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"),
                "id", id, "type", "Person", "preferredUsername", "bench" + index,
                "inbox", id + "/inbox", "outbox", id + "/outbox", "followers", id + "/followers",
                "endpoints", Map.of("sharedInbox", remote + "/inbox"),
                "publicKey", Map.of("id", id + "#main-key", "owner", id, "publicKeyPem", Keys.toPem(key.getPublic())));
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
