package social.starling.cli.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import social.starling.config.Config;
import social.starling.db.BenchRepository;
import social.starling.db.Database;
import social.starling.db.FeedRepository;
import social.starling.db.RelationshipRepository;
import social.starling.model.Follow;
import social.starling.model.IdGenerator;
import social.starling.support.Json;

/**
 * {@code starling bench rebuild}: how long the first home-timeline read takes for an account whose feed was not
 * kept (inactive, so fan-out skipped it) and follows {@code --following} others. Takes the account of the first
 * seeded token, makes it follow that many seeded accounts picked at random (its own follows are put back at the
 * end), then for each run marks its feed stale in the database and times {@code GET /api/v1/timelines/home}
 * against the running server, which rebuilds the feed before answering; a second, warm read is timed for
 * comparison.
 */
@Command(name = "rebuild", description = "Time the first home read of an inactive account following many others.")
final class RebuildCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    BenchCommands bench;

    @Option(names = "--url", required = true, description = "The running server, e.g. http://127.0.0.1:8080")
    String url;

    @Option(names = "--dir", description = "Where bench seed wrote tokens.txt (default: <data dir>/bench).")
    Path dir;

    @Option(names = "--following", defaultValue = "1000")
    int following;

    @Option(names = "--runs", defaultValue = "5")
    int runs;

    @Option(names = "--warmup-runs", defaultValue = "2", description = "Runs first, not counted (JIT warm-up).")
    int warmupRuns;

    @Override
    public Integer call() throws Exception {
        Config config = bench.apps.config();
        Path tokens = (dir != null ? dir : config.dataDir().resolve("bench")).resolve("tokens.txt");
        String token = Files.readAllLines(tokens).getFirst().strip();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long viewer = Long.parseLong(Json.mapper().readTree(get(client, token,
                "/api/v1/accounts/verify_credentials").body()).get("id").asText());
        IdGenerator ids = new IdGenerator(Clock.systemUTC(), 63);
        BenchRepository queries = new BenchRepository();
        RelationshipRepository relationships = new RelationshipRepository(Json.mapper());
        FeedRepository feeds = new FeedRepository();
        try (Database db = Database.open(config.database(), new SimpleMeterRegistry())) {
            List<Follow> saved = db.read(tx -> new ArrayList<>(relationships.followsOf(tx, viewer,
                    relationships.followingIds(tx, viewer)).values()));
            List<Long> others = new ArrayList<>(db.read(queries::localAccountIds));
            others.remove(Long.valueOf(viewer));
            Collections.shuffle(others, new Random(42));
            List<Long> targets = others.subList(0, Math.min(following, others.size()));
            db.inTransaction(tx -> {
                queries.deleteFollowsOf(tx, viewer);
                java.time.Instant now = java.time.Instant.now();
                for (long target : targets) {
                    relationships.insertFollow(tx, new Follow(ids.next(), viewer, target, true, false, List.of(),
                            null, now));
                }
                return null;
            });
            try {
                System.out.printf("account %d now follows %d seeded accounts; %d runs%n", viewer, targets.size(),
                        runs);
                List<Double> cold = new ArrayList<>();
                for (int run = 1 - warmupRuns; run <= runs; run++) {
                    db.inTransaction(tx -> {
                        feeds.setStale(tx, viewer, true);
                        return null;
                    });
                    long start = System.nanoTime();
                    HttpResponse<String> first = get(client, token, "/api/v1/timelines/home?limit=20");
                    double firstMs = (System.nanoTime() - start) / 1e6;
                    start = System.nanoTime();
                    get(client, token, "/api/v1/timelines/home?limit=20");
                    double warmMs = (System.nanoTime() - start) / 1e6;
                    int shown = Json.mapper().readTree(first.body()).size();
                    System.out.printf("%s: rebuild and first page (%d statuses) %.1f ms; next read %.1f ms%n",
                            run < 1 ? "warm-up run" : "run " + run, shown, firstMs, warmMs);
                    if (run >= 1) {
                        cold.add(firstMs);
                    }
                }
                Collections.sort(cold);
                System.out.printf("first home read of an account following %d (feed rebuilt): min %.0f ms, median "
                        + "%.0f ms, max %.0f ms%n", targets.size(), cold.getFirst(), cold.get(cold.size() / 2),
                        cold.getLast());
            } finally {
                db.inTransaction(tx -> {
                    queries.deleteFollowsOf(tx, viewer);
                    for (Follow f : saved) {
                        relationships.insertFollow(tx, f);
                    }
                    feeds.setStale(tx, viewer, true);
                    return null;
                });
            }
        }
        return 0;
    }

    private HttpResponse<String> get(HttpClient client, String token, String path) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }
}
