// The sign-up storm client (bench/signup_storm.sh runs it with `java SignupStorm.java`; JDK only). Open loop: it
// sends POST /api/v1/accounts on a fixed schedule (RATE a second for SECONDS) whatever the answers are, as a Mastodon
// app does (an app from POST /api/v1/apps, its client_credentials token). Each account that got a token confirms its
// address with the link the server logged (no mail server: LogMailer writes it to SERVER_LOG, the server's standard error), then follows FOLLOWS
// of the accounts listed in FOLLOW_IDS with its own token. Prints what the server answered: codes, whether each
// refusal (429/503) carried Retry-After, latencies, and the follows done.
// Usage: java SignupStorm.java BASE RATE SECONDS FOLLOW_IDS_FILE FOLLOWS SERVER_LOG
import java.io.BufferedReader;
import java.io.FileReader;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class SignupStorm {
    static final Pattern FIELD = Pattern.compile("\"(access_token|client_id|client_secret)\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern MAIL_TO = Pattern.compile("e-mail to (\\S+):");
    static final Pattern CONFIRM = Pattern.compile("/auth/confirmation\\?confirmation_token=([A-Za-z0-9_\\-]+)");

    record Answer(int code, long micros, boolean retryAfter, String retryAfterValue) {
    }

    static HttpClient http;
    static String base;
    static final ConcurrentLinkedQueue<Answer> signups = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Long> sendLag = new ConcurrentLinkedQueue<>();
    static final AtomicInteger failures = new AtomicInteger();
    static final Map<String, String> tokenByEmail = new ConcurrentHashMap<>();
    static final AtomicInteger confirmations = new AtomicInteger();
    static final Map<Integer, AtomicInteger> confirmCodes = new ConcurrentHashMap<>();
    static final Map<Integer, AtomicInteger> followCodes = new ConcurrentHashMap<>();
    static final ConcurrentLinkedQueue<Long> followMicros = new ConcurrentLinkedQueue<>();
    static final AtomicInteger outstanding = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        base = args[0];
        double rate = Double.parseDouble(args[1]);
        int seconds = Integer.parseInt(args[2]);
        List<String> followIds = Files.readAllLines(Path.of(args[3])).stream().filter(s -> !s.isBlank()).toList();
        int follows = Integer.parseInt(args[4]);
        Path serverLog = Path.of(args[5]);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

        // An app and its app token, as a Mastodon app does before offering sign-up.
        String app = post("/api/v1/apps", null, Map.of("client_name", "storm", "redirect_uris",
                "urn:ietf:wg:oauth:2.0:oob", "scopes", "read write follow")).body();
        String appToken = field(post("/oauth/token", null, Map.of("grant_type", "client_credentials", "client_id",
                field(app, "client_id"), "client_secret", field(app, "client_secret"), "scope",
                "read write follow")).body(), "access_token");

        // Confirmation links, as the server logs them, for the accounts this run made.
        Thread.ofVirtual().start(() -> tailLog(serverLog, follows, followIds));

        String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        long periodNanos = (long) (1e9 / rate);
        long total = (long) (rate * seconds);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        System.out.println("storm started: " + rate + " sign-ups/s for " + seconds + " s");
        System.out.flush();
        clock.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i >= total) {
                return;
            }
            sendLag.add((System.nanoTime() - (start + i * periodNanos)) / 1000);
            String username = "storm" + run + "_" + i;
            String email = username + "@example.test";
            HttpRequest request = form("/api/v1/accounts", appToken, Map.of("username", username, "email", email,
                    "password", "storm password " + i, "agreement", "true", "locale", "en"));
            long t0 = System.nanoTime();
            outstanding.incrementAndGet();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                outstanding.decrementAndGet();
                long micros = (System.nanoTime() - t0) / 1000;
                if (error != null) {
                    failures.incrementAndGet();
                    signups.add(new Answer(-1, micros, false, null));
                    return;
                }
                var retryAfter = response.headers().firstValue("Retry-After");
                signups.add(new Answer(response.statusCode(), micros, retryAfter.isPresent(),
                        retryAfter.orElse(null)));
                if (response.statusCode() == 200) {
                    tokenByEmail.put(email, field(response.body(), "access_token"));
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        clock.shutdownNow();
        System.out.printf("sent %d sign-ups in %.1f s: %.1f/s (the sender's lag behind schedule: p50 %s, max %s)%n",
                total, sendSeconds, total / sendSeconds, ms(pct(new ArrayList<>(sendLag), 50)),
                ms(pct(new ArrayList<>(sendLag), 100)));
        // Wait for the answers (the server holds a sign-up at most ~10 s waiting for a hashing slot) and the follows.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while ((outstanding.get() > 0 || signups.size() < total) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(3000);
        report(total, follows);
        System.exit(0);
    }

    static void report(long total, int follows) {
        List<Answer> all = new ArrayList<>(signups);
        Map<Integer, Integer> codes = new TreeMap<>();
        for (Answer a : all) {
            codes.merge(a.code(), 1, Integer::sum);
        }
        System.out.println("answers: " + codes + " (-1: no answer within 30 s, or a connection error), unanswered at the end: "
                + (total - all.size()));
        for (int code : new int[] {200, 429, 503}) {
            List<Long> micros = all.stream().filter(a -> a.code() == code).map(Answer::micros).toList();
            if (micros.isEmpty()) {
                continue;
            }
            long withRetry = all.stream().filter(a -> a.code() == code && a.retryAfter()).count();
            Map<String, Integer> values = new TreeMap<>();
            all.stream().filter(a -> a.code() == code && a.retryAfter())
                    .forEach(a -> values.merge(a.retryAfterValue(), 1, Integer::sum));
            System.out.printf("  %d: %d, latency p50 %s, p90 %s, p99 %s, max %s%s%n", code, micros.size(),
                    ms(pct(micros, 50)), ms(pct(micros, 90)), ms(pct(micros, 99)), ms(pct(micros, 100)),
                    code == 200 ? "" : "; with Retry-After: " + withRetry + " " + values);
        }
        List<Long> refusals = all.stream().filter(a -> a.code() == 429 || a.code() == 503).map(Answer::micros)
                .toList();
        if (!refusals.isEmpty()) {
            System.out.printf("refusals (429+503): %d, latency p50 %s, p99 %s, max %s%n", refusals.size(),
                    ms(pct(refusals, 50)), ms(pct(refusals, 99)), ms(pct(refusals, 100)));
        }
        System.out.printf("accounts made: %d; confirmed through the logged link: %d %s; follows (%d per confirmed "
                        + "account): %s, latency p50 %s, p99 %s%n", tokenByEmail.size(), confirmations.get(),
                confirmCodes, follows, followCodes, ms(pct(new ArrayList<>(followMicros), 50)),
                ms(pct(new ArrayList<>(followMicros), 99)));
    }

    /** Follows the server's log: each confirmation mail to an account of this run is opened, then it follows. */
    static void tailLog(Path log, int follows, List<String> followIds) {
        try (BufferedReader in = new BufferedReader(new FileReader(log.toFile(), StandardCharsets.UTF_8))) {
            String email = null;
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    Thread.sleep(50);
                    continue;
                }
                Matcher to = MAIL_TO.matcher(line);
                if (to.find()) {
                    email = to.group(1);
                }
                Matcher link = CONFIRM.matcher(line);
                if (link.find() && email != null) {
                    String address = email;
                    String confirmation = link.group(1);
                    email = null;
                    Thread.ofVirtual().start(() -> confirmAndFollow(address, confirmation, follows, followIds));
                }
            }
        } catch (Exception e) {
            System.out.println("log tail stopped: " + e);
        }
    }

    static void confirmAndFollow(String email, String confirmation, int follows, List<String> followIds) {
        try {
            String token = null;
            for (int i = 0; i < 100 && token == null; i++) { // the mail job may run before the answer arrives
                token = tokenByEmail.get(email);
                if (token == null) {
                    Thread.sleep(100);
                }
            }
            if (token == null) {
                return;
            }
            var confirmed = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/auth/confirmation?confirmation_token=" + confirmation)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.discarding());
            confirmCodes.computeIfAbsent(confirmed.statusCode(), c -> new AtomicInteger()).incrementAndGet();
            confirmations.incrementAndGet();
            List<String> targets = new ArrayList<>(followIds);
            Collections.shuffle(targets);
            for (String id : targets.subList(0, Math.min(follows, targets.size()))) {
                long t0 = System.nanoTime();
                var r = http.send(form("/api/v1/accounts/" + id + "/follow", token, Map.of()),
                        HttpResponse.BodyHandlers.discarding());
                followMicros.add((System.nanoTime() - t0) / 1000);
                followCodes.computeIfAbsent(r.statusCode(), c -> new AtomicInteger()).incrementAndGet();
            }
        } catch (Exception e) {
            followCodes.computeIfAbsent(-1, c -> new AtomicInteger()).incrementAndGet();
        }
    }

    static HttpRequest form(String path, String token, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k,
                StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    static HttpResponse<String> post(String path, String token, Map<String, String> fields) throws Exception {
        HttpResponse<String> r = http.send(form(path, token, fields), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }

    static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - (p == 0 ? 0 : 1)));
    }

    static String ms(long micros) {
        return micros < 0 ? "-" : String.format("%.1f ms", micros / 1000.0);
    }
}
