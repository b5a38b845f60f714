package social.starling.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import social.starling.config.Cidr;
import social.starling.federation.fetch.AddressPolicy;
import social.starling.federation.fetch.FetchSettings;
import social.starling.federation.fetch.RemoteFetcher;
import social.starling.federation.signature.ActorKey;
import social.starling.federation.signature.HttpSigner;
import social.starling.federation.signature.InboundRequest;
import social.starling.federation.signature.Keys;
import social.starling.federation.signature.SignatureVerifier;
import social.starling.federation.signature.VerifiedSignature;

/**
 * The two building blocks together over a real socket: a delivery signed by {@link HttpSigner}, sent by
 * {@link RemoteFetcher}, verified by {@link SignatureVerifier} from exactly what the receiving server got. Proves the
 * client sends the signed Host, Date and Digest unchanged (one Host header, no rewriting).
 */
class SignedDeliveryTest {
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
    }

    @Test
    void aSignedDeliveryVerifiesOnTheOtherSide() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        new LinkedHashMap<>(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(202, -1);
            }
        });
        server.start();
        KeyPair alice = Keys.generateRsa();
        String keyId = "https://remote.example/users/alice#main-key";
        Clock clock = Clock.systemUTC();
        try (RemoteFetcher fetcher = new RemoteFetcher(new FetchSettings(
                new AddressPolicy(List.of(Cidr.parse("127.0.0.1/32"))), Duration.ofSeconds(2), Duration.ofSeconds(5),
                FetchSettings.DEFAULT_MAX_JSON_BYTES, 3, FetchSettings.userAgent("https://remote.example")))) {
            URI inbox = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/users/bob/inbox?x=1");
            byte[] body = "{\"type\":\"Follow\",\"actor\":\"https://remote.example/users/alice\"}"
                    .getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>(new HttpSigner(clock).sign("POST", inbox, Map.of(), body,
                    keyId, alice.getPrivate()));
            headers.put("Content-Type", "application/activity+json");
            assertThat(fetcher.post(inbox, headers, body).status()).isEqualTo(202);
        } finally {
            server.stop(0);
        }

        Received got = received.getFirst();
        assertThat(got.headers().get("Host")).hasSize(1);
        // What the inbox handler will do: the target URI from this server's public base URL plus the path as received.
        URI target = URI.create("http://" + got.headers().get("Host").getFirst() + got.path());
        VerifiedSignature verified = new SignatureVerifier(
                (id, refresh) -> Optional.of(new ActorKey(id, "https://remote.example/users/alice", alice.getPublic(),
                        false)), clock)
                .verify(new InboundRequest(got.method(), target, got.headers(), got.body()));
        assertThat(verified.actorId()).isEqualTo("https://remote.example/users/alice");
        verified.requireActor("https://remote.example/users/alice");
    }
}
