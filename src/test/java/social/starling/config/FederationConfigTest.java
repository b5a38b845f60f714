package social.starling.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FederationConfigTest {

    @Test
    void defaultsAllowNothingPrivateAndShortTimeouts() {
        Config.Federation f = ConfigLoader.load(Map.of(), Optional.empty()).federation();
        assertThat(f.allowPrivate()).isEmpty();
        assertThat(f.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(f.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void allowPrivateIsAListOfRanges() throws Exception {
        Config.Federation f = ConfigLoader.load(Map.of(
                "STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8, ::1/128,,10.1.2.3",
                "STARLING_FEDERATION_CONNECT_TIMEOUT_SECONDS", "2",
                "STARLING_FEDERATION_REQUEST_TIMEOUT_SECONDS", "9"), Optional.empty()).federation();
        assertThat(f.allowPrivate()).extracting(Cidr::toString)
                .containsExactly("127.0.0.0/8", "0:0:0:0:0:0:0:1/128", "10.1.2.3/32");
        assertThat(f.allowPrivate().get(0).contains(InetAddress.getByName("127.9.9.9"))).isTrue();
        assertThat(f.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(f.requestTimeout()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void aBadRangeIsOneClearLine() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("STARLING_FEDERATION_ALLOW_PRIVATE", "localhost"),
                Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("STARLING_FEDERATION_ALLOW_PRIVATE: 'localhost' is not an IP address range such as 10.0.0.0/8");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("STARLING_FEDERATION_ALLOW_PRIVATE", "10.0.0.0/33"),
                Optional.empty()))
                .hasMessageContaining("prefix length outside 0-32");
    }

    @Test
    void cidrMatchesByPrefix() throws Exception {
        Cidr net = Cidr.parse("172.16.0.0/12");
        assertThat(net.contains(InetAddress.getByName("172.31.255.255"))).isTrue();
        assertThat(net.contains(InetAddress.getByName("172.32.0.0"))).isFalse();
        assertThat(net.contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(Cidr.parse("fc00::/7").contains(InetAddress.getByName("fdff::1"))).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(Cidr.parse("10.0.0.7/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
    }
}
