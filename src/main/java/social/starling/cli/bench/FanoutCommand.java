package social.starling.cli.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import social.starling.config.Config;
import social.starling.db.BenchRepository;
import social.starling.db.Database;
import social.starling.support.Json;

/**
 * {@code starling bench fanout}: posts as the seeded account with the most followers through the running server's
 * API and measures, from just before the POST, how long until the status is in the home feed of every follower
 * whose feed is kept (counted in the database: entries for that status among the author's followers). The server
 * fans out in the {@code status.distribute} job; this process only reads the same database.
 */
@Command(name = "fanout", description = "Time from posting until a status is in all followers' home feeds.")
final class FanoutCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    BenchCommands bench;

    @Option(names = "--url", required = true, description = "The running server, e.g. http://127.0.0.1:8080")
    String url;

    @Option(names = "--dir", description = "Where bench seed wrote fanout.properties (default: <data dir>/bench).")
    Path dir;

    @Option(names = "--runs", defaultValue = "5")
    int runs;

    @Option(names = "--warmup-runs", defaultValue = "1", description = "Runs first, not counted (JIT warm-up).")
    int warmupRuns;

    @Option(names = "--pause-ms", defaultValue = "2000", description = "Pause between runs.")
    int pauseMillis;

    @Option(names = "--duration-s", defaultValue = "0", description = "Sample for this long instead of --runs times "
            + "(e.g. while another load posts), then print the percentiles.")
    int durationSeconds;

    @Option(names = "--drain", description = "At the end, wait until no job of this kind (e.g. status.distribute) is "
            + "left and say how long that took.")
    String drainKind;

    @Option(names = "--quiet", description = "No line per run.")
    boolean quiet;

    @Option(names = "--timeout-s", defaultValue = "120")
    int timeoutSeconds;

    private final BenchRepository queries = new BenchRepository();

    record Run(double postMillis, double firstMillis, double allMillis, int polls, double pollMillis) {
    }

    @Override
    public Integer call() throws Exception {
        Config config = bench.apps.config();
        Properties seeded = new Properties();
        try (Reader r = Files.newBufferedReader((dir != null ? dir : config.dataDir().resolve("bench"))
                .resolve("fanout.properties"))) {
            seeded.load(r);
        }
        long author = Long.parseLong(seeded.getProperty("account_id"));
        String token = seeded.getProperty("token");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (Database db = Database.open(config.database(), new SimpleMeterRegistry())) {
            int expected = db.read(tx -> queries.keptFollowerFeeds(tx, author));
            System.out.printf("posting as %s (%d followers with a kept home feed), %d runs%n",
                    seeded.getProperty("username"), expected, runs);
            for (int run = 1; run <= warmupRuns; run++) {
                Run warmup = once(client, db, token, author, expected, -run);
                System.out.printf("warm-up run: all %d feeds at %.1f ms (not counted)%n", expected,
                        warmup.allMillis());
                Thread.sleep(pauseMillis);
            }
            List<Run> results = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(durationSeconds).toNanos();
            for (int run = 1; durationSeconds > 0 ? System.nanoTime() < until : run <= runs; run++) {
                Run result = once(client, db, token, author, expected, run);
                results.add(result);
                if (!quiet) {
                    System.out.printf("run %d: POST answered in %.1f ms; first follower feed at %.1f ms; all %d feeds "
                                    + "at %.1f ms (%d polls of %.1f ms each)%n", run, result.postMillis(),
                            result.firstMillis(), expected, result.allMillis(), result.polls(), result.pollMillis());
                }
                Thread.sleep(pauseMillis);
            }
            List<Double> all = results.stream().map(Run::allMillis).sorted().toList();
            System.out.printf("fan-out to %d feeds: min %.0f ms, median %.0f ms, max %.0f ms (from POST to visible "
                    + "in all)%n", expected, all.getFirst(), all.get(all.size() / 2), all.getLast());
            List<Double> lag = results.stream().map(r -> r.allMillis() - r.postMillis()).sorted().toList();
            System.out.printf("fan-out lag (from the POST's answer to visible in all %d feeds), %d samples: "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms; POST p50 %.1f ms%n", expected, lag.size(), lag.get(lag.size() / 2),
                    lag.get(Math.min(lag.size() - 1, (int) (lag.size() * 0.99))), lag.getLast(),
                    results.stream().map(Run::postMillis).sorted().toList().get(results.size() / 2));
            if (drainKind != null) {
                long from = System.nanoTime();
                long deadline = from + Duration.ofSeconds(timeoutSeconds).toNanos();
                int pending;
                while ((pending = db.read(tx -> queries.pendingJobsOfKind(tx, drainKind))) > 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                System.out.printf("the %s jobs were done %.0f ms after the sampling ended%s%n", drainKind,
                        ms(System.nanoTime() - from), pending > 0 ? " (NOT drained: " + pending + " left)" : "");
            }
        }
        return 0;
    }

    private Run once(HttpClient client, Database db, String token, long author, int expected, int run)
            throws IOException, InterruptedException {
        String body = "status=" + URLEncoder.encode("Fan-out bench run " + run + " at " + System.currentTimeMillis()
                + " #benchmark", StandardCharsets.UTF_8) + "&visibility=public";
        HttpRequest post = HttpRequest.newBuilder(URI.create(url + "/api/v1/statuses"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
        long posted = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /api/v1/statuses answered " + response.statusCode() + ": "
                    + response.body());
        }
        long id = Long.parseLong(Json.mapper().readTree(response.body()).get("id").asText());
        long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
        long first = -1;
        int polls = 0;
        long polling = 0;
        while (true) {
            long before = System.nanoTime();
            int seen = db.read(tx -> queries.followerFeedsHolding(tx, author, id));
            long now = System.nanoTime();
            polls++;
            polling += now - before;
            if (seen > 0 && first < 0) {
                first = now;
            }
            if (seen >= expected) {
                return new Run(ms(posted - start), ms(first - start), ms(now - start), polls,
                        ms(polling) / polls);
            }
            if (now > deadline) {
                throw new IllegalStateException("after " + timeoutSeconds + " s only " + seen + " of " + expected
                        + " feeds have the status");
            }
            Thread.sleep(1);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
