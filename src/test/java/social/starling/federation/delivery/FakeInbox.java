package social.starling.federation.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A remote host's inboxes on a loopback port: records every POST and answers with the status it is told to (202
 * by default, optional headers), or never answers ({@link #stall}) until released or closed.
 */
final class FakeInbox implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Received(String path, Map<String, List<String>> headers, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 202;
    private volatile Map<String, String> headers = Map.of();
    private volatile CountDownLatch stall = new CountDownLatch(0);

    FakeInbox() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(new Received(exchange.getRequestURI().toString(),
                        caseInsensitive(exchange.getRequestHeaders()), body));
                stall.await();
                headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                exchange.sendResponseHeaders(status, -1);
            } catch (InterruptedException | IOException e) {
                // the client gave up, or the server is closing
            }
        });
        server.start();
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    FakeInbox answer(int status, Map<String, String> headers) {
        this.headers = headers;
        this.status = status;
        return this;
    }

    FakeInbox answer(int status) {
        return answer(status, Map.of());
    }

    /** Accepts requests and never answers, until {@link #release}. */
    FakeInbox stall() {
        stall = new CountDownLatch(1);
        return this;
    }

    void release() {
        stall.countDown();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        stall.countDown();
        server.stop(0);
    }
}
