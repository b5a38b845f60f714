package social.starling.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Fedify peer (scripts/peer/README.md): an ActivityPub server built on a library we did not write, run as a
 * child process on a free loopback port, driven through its control API. {@link #start} skips the calling test
 * (an assumption) only when the peer cannot be installed, i.e. the npm registry is unreachable.
 */
public final class FedifyPeer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    public final String base;
    public final String host;
    public final String actor;
    public final String handle;

    private FedifyPeer(Process process, JsonNode ready) {
        this.process = process;
        this.base = ready.get("base").asText();
        this.host = ready.get("host").asText();
        this.actor = ready.get("actor").asText();
        this.handle = ready.get("handle").asText();
    }

    /** Installs (once) and starts a peer; {@code env} adds PEER_* options. Its output goes to target/{logName}. */
    public static FedifyPeer start(String logName, Map<String, String> env) throws IOException, InterruptedException {
        String node = install();
        Path ready = Files.createTempFile("starling-peer", ".json");
        Files.delete(ready);
        ProcessBuilder pb = new ProcessBuilder(node, "src/test/peer/peer.mjs", "--port", "0")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", logName).toFile()));
        pb.environment().put("PEER_READY_FILE", ready.toString());
        pb.environment().putAll(env);
        Process process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(ready) || Files.size(ready) == 0) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the peer did not start; see target/" + logName);
            }
            Thread.sleep(50);
        }
        Thread.sleep(20); // the ready file is written in one call; let it finish
        return new FedifyPeer(process, JSON.readTree(Files.readString(ready)));
    }

    /** Runs scripts/peer/install.sh; its last line is the node binary. No npm registry: the test is skipped. */
    private static String install() throws IOException, InterruptedException {
        Process install = new ProcessBuilder("scripts/peer/install.sh").redirectErrorStream(true).start();
        String out = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = install.waitFor(5, TimeUnit.MINUTES);
        String[] lines = out.strip().split("\n");
        String node = lines[lines.length - 1].strip();
        Assumptions.assumeTrue(done && install.exitValue() == 0 && Files.isExecutable(Path.of(node)),
                "the Fedify peer could not be installed (npm unreachable?):\n" + out);
        return node;
    }

    /** GET {@code base + path} as an ActivityPub client (control calls and the peer's own documents). */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return getUrl(base + path);
    }

    public JsonNode getUrl(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "application/activity+json").timeout(Duration.ofSeconds(70)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** POST to {@code /_control/{call}}; the answer's JSON, whatever its status (it carries {@code ok}). */
    public JsonNode control(String call, Map<String, ?> body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/_control/" + call))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** Inbound requests the peer recorded after {@code after}, control calls excluded. */
    public List<JsonNode> requestsIn(long after) throws IOException, InterruptedException {
        List<JsonNode> requests = new ArrayList<>();
        get("/_control/requests?direction=in&after=" + after).get("requests").forEach(requests::add);
        return requests;
    }

    /** The highest sequence number of the request log: pass it as {@code after} to see only what comes later. */
    public long lastSeq() throws IOException, InterruptedException {
        long max = 0;
        for (JsonNode r : get("/_control/requests").get("requests")) {
            max = Math.max(max, r.get("seq").asLong());
        }
        return max;
    }

    /** Waits (long poll, up to {@code waitMillis}) for an activity of {@code type} received after {@code after}. */
    public List<JsonNode> received(String type, long after, int waitMillis) throws IOException, InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        get("/_control/received?type=" + type + "&after=" + after + "&wait=" + waitMillis).get("activities")
                .forEach(found::add);
        return found;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
