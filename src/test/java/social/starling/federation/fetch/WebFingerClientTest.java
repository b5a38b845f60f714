package social.starling.federation.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import social.starling.config.Cidr;

/**
 * The scheme rule, and the subscribe template of a JRD; the rest of the network side is covered by
 * ResolveRemoteAccountTest against the Fedify peer.
 */
class WebFingerClientTest {
    @Test
    void httpsUnlessTheHostIsAnAddressOrLoopbackNameTheConfigurationOpened() {
        try (RemoteFetcher fetcher = new RemoteFetcher(FetchSettings.from(social.starling.config.ConfigLoader.load(
                java.util.Map.of("STARLING_DOMAIN", "example.com"), java.util.Optional.empty())))) {
            var closed = new WebFingerClient(fetcher, List.of());
            assertThat(closed.scheme("127.0.0.1:9101")).isEqualTo("https");
            assertThat(closed.scheme("localhost:3000")).isEqualTo("https");
            assertThat(closed.scheme("mastodon.social")).isEqualTo("https");

            var loopback = new WebFingerClient(fetcher, List.of(Cidr.parse("127.0.0.0/8")));
            assertThat(loopback.scheme("127.0.0.1:9101")).isEqualTo("http");
            assertThat(loopback.scheme("127.0.0.1")).isEqualTo("http");
            assertThat(loopback.scheme("localhost:3000")).isEqualTo("http");
            assertThat(loopback.scheme("a.localhost")).isEqualTo("http");
            assertThat(loopback.scheme("10.0.0.1")).isEqualTo("https");
            assertThat(loopback.scheme("[::1]:8080")).isEqualTo("https");
            assertThat(loopback.scheme("mastodon.social")).isEqualTo("https");
            assertThat(loopback.scheme("127.0.0.1.nip.io")).isEqualTo("https");

            var lan = new WebFingerClient(fetcher, List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1/128")));
            assertThat(lan.scheme("10.1.2.3:80")).isEqualTo("http");
            assertThat(lan.scheme("[::1]:8080")).isEqualTo("http");
            assertThat(lan.scheme("localhost")).isEqualTo("http");
            var privateOnly = new WebFingerClient(fetcher, List.of(Cidr.parse("192.168.0.0/16")));
            assertThat(privateOnly.scheme("localhost")).isEqualTo("https");
            assertThat(privateOnly.scheme("192.168.1.20")).isEqualTo("http");
        }
    }

    @Test
    void theSubscribeTemplateIsAnHttpUrlHoldingUri() throws Exception {
        try (LoopbackServer server = new LoopbackServer("127.0.0.1");
             RemoteFetcher fetcher = RemoteFetcherTest.fetcher(List.of("127.0.0.0/8"), java.time.Duration.ofSeconds(2),
                     64 * 1024)) {
            var client = new WebFingerClient(fetcher, List.of(Cidr.parse("127.0.0.0/8")));
            String host = "127.0.0.1:" + server.port();
            java.util.function.Function<String, String> jrd = links -> "{\"subject\": \"acct:bob@" + host
                    + "\", \"links\": [" + links + "]}";
            server.json("/.well-known/webfinger", "application/jrd+json", jrd.apply(
                    "{\"rel\": \"self\", \"type\": \"application/activity+json\", \"href\": \"http://" + host
                            + "/users/bob\"}, {\"rel\": \"http://ostatus.org/schema/1.0/subscribe\", "
                            + "\"template\": \"https://b.example/authorize_interaction?uri={uri}\"}"));
            assertThat(client.subscribeTemplate("bob", host))
                    .contains("https://b.example/authorize_interaction?uri={uri}");
            assertThat(server.received.getLast().path()).isEqualTo("/.well-known/webfinger?resource=acct%3Abob%40"
                    + "127.0.0.1%3A" + server.port());

            for (String refused : List.of("javascript:alert(1)//{uri}", "https://b.example/no-placeholder",
                    "//b.example/{uri}")) {
                server.json("/.well-known/webfinger", "application/jrd+json", jrd.apply(
                        "{\"rel\": \"http://ostatus.org/schema/1.0/subscribe\", \"template\": \"" + refused + "\"}"));
                assertThat(client.subscribeTemplate("bob", host)).as(refused).isEmpty();
            }
            server.json("/.well-known/webfinger", "application/jrd+json", jrd.apply(""));
            assertThat(client.subscribeTemplate("bob", host)).isEmpty();
        }
    }
}
