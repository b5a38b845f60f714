package social.starling.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real streaming client for tests: a WebSocket ({@link java.net.http.WebSocket}) or a server-sent event stream
 * (HttpClient, read line by line), collecting what arrives. {@link #next} waits for the next message;
 * {@link #nextEvent} skips to the next message of one event type.
 */
public final class StreamClient implements AutoCloseable {
    /** One message: the stream it came on (WebSocket only), the event, and the payload as sent. */
    public record Message(List<String> stream, String event, String payload) {
        public JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (IOException e) {
                throw new AssertionError("payload is not JSON: " + payload, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** How long to wait for something that must arrive (never an assertion on time: a failure bound). */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> raw = new LinkedBlockingQueue<>();
    private volatile WebSocket socket;
    private volatile InputStream sseBody;
    private volatile Thread reader;
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private StreamClient() {
    }

    /** Opens {@code /api/v1/streaming?query} with {@code headers} (and optionally a sub-protocol). */
    public static StreamClient socket(String baseUrl, String query, Map<String, String> headers,
                                      String subprotocol) {
        StreamClient client = new StreamClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(PATIENCE);
        headers.forEach(builder::header);
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        URI uri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/api/v1/streaming"
                + (query == null || query.isEmpty() ? "" : "?" + query));
        client.socket = builder.buildAsync(uri, client.new Listener()).orTimeout(15, TimeUnit.SECONDS).join();
        return client;
    }

    /** A socket authorised with {@code Authorization: Bearer}. */
    public static StreamClient socket(String baseUrl, String token, String query) {
        return socket(baseUrl, query, Map.of("Authorization", "Bearer " + token), null);
    }

    /** A server-sent event stream at {@code path}; fails unless the answer is 200. */
    public static StreamClient sse(String baseUrl, String path, String token) {
        HttpResponse<InputStream> response = sseResponse(baseUrl, path, token);
        if (response.statusCode() != 200) {
            throw new AssertionError("SSE " + path + " answered " + response.statusCode());
        }
        StreamClient client = new StreamClient();
        client.sseBody = response.body();
        client.reader = Thread.ofVirtual().start(client::readSse);
        return client;
    }

    /** The raw answer to an SSE request (for refusals). */
    public static HttpResponse<InputStream> sseResponse(String baseUrl, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/event-stream").timeout(PATIENCE);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void readSse() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(sseBody, StandardCharsets.UTF_8))) {
            String event = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (event != null) {
                        messages.add(new Message(List.of(), event, data.toString()));
                    }
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // closed
        }
        closed.complete(-1);
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message, failing if none comes. */
    public Message next() {
        try {
            Message m = messages.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new AssertionError("no streaming message arrived");
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message with {@code event}, skipping others. */
    public Message nextEvent(String event) {
        while (true) {
            Message m = next();
            if (m.event().equals(event)) {
                return m;
            }
        }
    }

    /** Every message received so far, without waiting. */
    public List<Message> drain() {
        List<Message> out = new ArrayList<>();
        messages.drainTo(out);
        return out;
    }

    /** The next message that is not a stream event (an error answer), failing if none comes. */
    public JsonNode nextRaw() {
        try {
            JsonNode m = raw.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new AssertionError("no message arrived");
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The close code the server sent (waits for it). */
    public int closeCode() {
        return closed.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
            socket.abort();
        }
        if (sseBody != null) {
            try {
                sseBody.close();
            } catch (IOException e) {
                // closing anyway
            }
            if (reader != null) {
                reader.interrupt();
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String whole = text.toString();
                text.setLength(0);
                try {
                    JsonNode node = JSON.readTree(whole);
                    if (node.has("event")) {
                        List<String> stream = new ArrayList<>();
                        node.path("stream").forEach(s -> stream.add(s.asText()));
                        messages.add(new Message(stream, node.get("event").asText(),
                                node.has("payload") ? node.get("payload").asText() : null));
                    } else {
                        raw.add(node);
                    }
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + whole, e);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }
    }
}
