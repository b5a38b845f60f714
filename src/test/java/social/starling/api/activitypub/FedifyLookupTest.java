package social.starling.api.activitypub;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.TestApp;

/**
 * Another implementation reads Starling: the Fedify peer (src/test/peer, scripts/peer/README.md) looks alice up by
 * handle (WebFinger, then the actor, whose public key it parses) and by actor URL, and fetches one of her notes,
 * with Fedify 2.3.6's own JSON-LD processing and validation. Skipped only when the peer cannot be installed because
 * the npm registry is out of reach.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FedifyLookupTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NETWORK_ERROR = Pattern.compile(
            "ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network|socket hang up",
            Pattern.CASE_INSENSITIVE);

    @RegisterExtension
    static TestApp app = TestApp.create();

    static Process peer;
    static Path peerLog;
    static String control;
    static String handle;
    static String actorId;
    static String noteId;
    static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startPeer() throws Exception {
        String node = install();
        Path ready = Files.createTempFile("starling-peer", ".json");
        Files.delete(ready);
        peerLog = Files.createTempFile("starling-peer", ".log");
        ProcessBuilder pb = new ProcessBuilder(node, "src/test/peer/peer.mjs", "--port", "0")
                .redirectErrorStream(true).redirectOutput(peerLog.toFile());
        pb.environment().put("PEER_READY_FILE", ready.toString());
        peer = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(ready)) {
            if (!peer.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the Fedify peer did not start:\n" + Files.readString(peerLog));
            }
            Thread.sleep(50);
        }
        control = JSON.readTree(Files.readString(ready)).get("base").asText() + "/_control";

        app.fixtures().account("alice");
        ApiClient api = ApiClient.register(app.http(), "read write");
        assertThat(api.as("alice", "write").patchJson("/api/v1/accounts/update_credentials",
                "{\"display_name\": \"Alice\", \"note\": \"Hello from #Starling\"}").status()).isEqualTo(200);
        noteId = api.as("alice", "write").postJson("/api/v1/statuses",
                "{\"status\": \"Hello, Fedify! #interop\", \"language\": \"en\"}").json().get("uri").asText();
        handle = "alice@" + app.app().config().server().domain();
        actorId = app.baseUrl() + "/users/alice";
    }

    /** Runs scripts/peer/install.sh (idempotent) and returns the node binary it prints last. */
    static String install() throws IOException, InterruptedException {
        Path out = Files.createTempFile("starling-peer-install", ".log");
        Process p = new ProcessBuilder("scripts/peer/install.sh").redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(out);
        if (!done) {
            p.destroyForcibly();
            Assumptions.abort("the peer's install did not finish in 5 minutes (npm registry too slow?):\n" + output);
        }
        if (p.exitValue() != 0) {
            Assumptions.assumeFalse(NETWORK_ERROR.matcher(output).find(),
                    "the npm registry is out of reach, so the Fedify peer cannot be installed:\n" + output);
            throw new AssertionError("scripts/peer/install.sh failed:\n" + output);
        }
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return lines.getLast().trim();
    }

    @AfterAll
    static void stopPeer() throws Exception {
        if (peer != null) {
            peer.destroy();
            if (!peer.waitFor(5, TimeUnit.SECONDS)) {
                peer.destroyForcibly();
            }
            System.out.println("--- Fedify peer output ---\n" + Files.readString(peerLog));
        }
    }

    static JsonNode lookup(String json) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(control + "/lookup"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("lookup " + json + " -> " + r.statusCode() + " " + r.body());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void looksAliceUpByHandle() throws Exception {
        JsonNode actor = lookup("{\"handle\": \"" + handle + "\", \"fresh\": true}");
        assertThat(actor.get("type").asText()).isEqualTo("Person");
        assertThat(actor.get("id").asText()).isEqualTo(actorId);
        assertThat(actor.get("preferredUsername").asText()).isEqualTo("alice");
        assertThat(actor.get("name").asText()).isEqualTo("Alice");
        assertThat(actor.get("inbox").asText()).isEqualTo(actorId + "/inbox");
        assertThat(actor.get("sharedInbox").asText()).isEqualTo(app.baseUrl() + "/inbox");
        assertThat(actor.get("outbox").asText()).isEqualTo(actorId + "/outbox");
        assertThat(actor.get("followers").asText()).isEqualTo(actorId + "/followers");
        assertThat(actor.get("url").asText()).isEqualTo(app.baseUrl() + "/@alice");
        assertThat(actor.get("publicKeyId").asText()).isEqualTo(actorId + "#main-key");
        assertThat(actor.get("publicKeyOwner").asText()).isEqualTo(actorId);
        assertThat(actor.get("publicKeyParsed").asBoolean()).as("Fedify parsed the RSA key").isTrue();
        assertThat(actor.get("manuallyApprovesFollowers").asBoolean()).isFalse();
    }

    @Test
    void looksAliceUpByActorUrlAndProfileUrl() throws Exception {
        for (String url : List.of(actorId, app.baseUrl() + "/@alice")) {
            JsonNode actor = lookup("{\"actor\": \"" + url + "\", \"fresh\": true}");
            assertThat(actor.get("id").asText()).isEqualTo(actorId);
            assertThat(actor.get("preferredUsername").asText()).isEqualTo("alice");
            assertThat(actor.get("publicKeyParsed").asBoolean()).isTrue();
        }
    }

    @Test
    void fetchesAPublicNote() throws Exception {
        JsonNode note = lookup("{\"object\": \"" + noteId + "\", \"fresh\": true}");
        assertThat(note.get("type").asText()).isEqualTo("Note");
        assertThat(note.get("id").asText()).isEqualTo(noteId);
        assertThat(note.get("attributedTo").asText()).isEqualTo(actorId);
        assertThat(note.get("content").asText()).contains("Hello, Fedify!");
        JsonNode json = note.get("json");
        assertThat(json.toString()).contains("https://www.w3.org/ns/activitystreams#Public");
    }

    @Test
    void looksUpTheInstanceActor() throws Exception {
        JsonNode actor = lookup("{\"actor\": \"" + app.baseUrl() + "/actor\", \"fresh\": true}");
        assertThat(actor.get("type").asText()).isEqualTo("Application");
        assertThat(actor.get("publicKeyParsed").asBoolean()).isTrue();
    }
}
