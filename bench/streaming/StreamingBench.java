// The streaming bench client (bench/streaming.sh runs it with `java StreamingBench.java`; JDK only): opens N
// WebSockets on /api/v1/streaming, half on `user` and half on `public:local`, all for the poster's own account,
// then posts statuses one at a time and measures, for each, the time from the POST until every socket has the
// update (p50/p99 over sockets, and the last one). Prints the server's RSS before and after the sockets opened.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class StreamingBench {
    static final Pattern ID = Pattern.compile("\\\\\"id\\\\\":\\\\\"(\\d+)\\\\\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int sockets = Integer.parseInt(args[2]);
        long serverPid = Long.parseLong(args[3]);
        int posts = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        HttpClient http = HttpClient.newHttpClient();
        // Arrival times per status id: id -> nanos of each socket's receipt.
        ConcurrentHashMap<String, long[]> arrivals = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> counts = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, CountDownLatch> done = new ConcurrentHashMap<>();

        long rssBefore = rssKb(serverPid);
        List<WebSocket> open = new ArrayList<>();
        List<HttpClient> clients = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < sockets; i++) {
            // One HttpClient per 250 sockets: each client multiplexes its sockets on one selector thread.
            if (i % 250 == 0) {
                clients.add(HttpClient.newHttpClient());
            }
            String stream = i % 2 == 0 ? "user" : "public:local";
            WebSocket ws = clients.getLast().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/api/v1/streaming?stream=" + stream),
                            new WebSocket.Listener() {
                                final StringBuilder text = new StringBuilder();

                                @Override
                                public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                                    text.append(data);
                                    if (last) {
                                        long now = System.nanoTime();
                                        Matcher m = ID.matcher(text);
                                        if (text.indexOf("\"event\":\"update\"") >= 0 && m.find()) {
                                            String id = m.group(1);
                                            long[] times = arrivals.computeIfAbsent(id, k -> new long[sockets]);
                                            int n = counts.computeIfAbsent(id,
                                                    k -> new java.util.concurrent.atomic.AtomicInteger())
                                                    .getAndIncrement();
                                            if (n < sockets) {
                                                times[n] = now;
                                            }
                                            CountDownLatch latch = done.get(id);
                                            if (latch != null) {
                                                latch.countDown();
                                            }
                                        }
                                        text.setLength(0);
                                    }
                                    w.request(1);
                                    return null;
                                }
                            }).get(60, TimeUnit.SECONDS);
            open.add(ws);
        }
        System.out.printf("opened %d sockets in %.1f s%n", sockets, (System.nanoTime() - t0) / 1e9);
        Thread.sleep(3000);
        System.gc();
        long rssAfter = rssKb(serverPid);
        System.out.printf("server RSS: %d MB before, %d MB with %d sockets open: %.1f KB per idle socket%n",
                rssBefore / 1024, rssAfter / 1024, sockets, (rssAfter - rssBefore) / (double) sockets);

        for (int p = 0; p < posts; p++) {
            long start = System.nanoTime();
            CountDownLatch latch = new CountDownLatch(sockets);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/statuses"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"bench post " + p + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"id\":\"(\\d+)\"").matcher(r.body());
            if (!m.find()) {
                throw new IllegalStateException("post failed: " + r.statusCode() + " " + r.body());
            }
            String id = m.group(1);
            done.put(id, latch);
            int already = counts.getOrDefault(id, new java.util.concurrent.atomic.AtomicInteger()).get();
            for (int k = 0; k < already; k++) {
                latch.countDown();
            }
            boolean all = latch.await(120, TimeUnit.SECONDS);
            long[] times = arrivals.get(id);
            int got = counts.get(id) == null ? 0 : Math.min(counts.get(id).get(), sockets);
            long[] ms = new long[got];
            for (int k = 0; k < got; k++) {
                ms[k] = (times[k] - start) / 1_000_000;
            }
            Arrays.sort(ms);
            System.out.printf("post %d: %d/%d sockets%s; from POST: p50 %d ms, p99 %d ms, last %d ms%n", p, got,
                    sockets, all ? "" : " (timed out)", ms[got / 2], ms[Math.min(got - 1, got * 99 / 100)],
                    ms[got - 1]);
            Thread.sleep(1000);
        }
        for (WebSocket ws : open) {
            ws.abort();
        }
        System.exit(0);
    }

    static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
