package social.starling.federation.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import social.starling.config.Cidr;

/** The scheme rule; the network side is covered by ResolveRemoteAccountTest against the Fedify peer. */
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
}
