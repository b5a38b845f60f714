package social.starling.federation.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import social.starling.config.Cidr;

/** The classifier, fed through InetAddress as the resolver feeds it (so odd literal forms are the JDK's reading). */
class AddressPolicyTest {
    final AddressPolicy strict = AddressPolicy.publicOnly();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0.0.0.0, an unspecified address",
            "0.1.2.3, an unspecified address",
            "0, an unspecified address",
            "10.0.0.1, a private address",
            "10.255.255.255, a private address",
            "172.16.0.1, a private address",
            "172.31.255.254, a private address",
            "192.168.1.1, a private address",
            "100.64.0.1, a shared (CGNAT) address",
            "100.127.255.255, a shared (CGNAT) address",
            "127.0.0.1, a loopback address",
            "127.255.0.9, a loopback address",
            "127.1, a loopback address",
            "2130706433, a loopback address",
            "169.254.169.254, a link-local address",
            "192.0.0.8, an IETF protocol address",
            "192.0.2.1, a documentation address",
            "198.51.100.7, a documentation address",
            "203.0.113.9, a documentation address",
            "198.18.0.1, a benchmarking address",
            "198.19.255.255, a benchmarking address",
            "224.0.0.1, a multicast address",
            "239.255.255.250, a multicast address",
            "240.0.0.1, a reserved address",
            "255.255.255.255, a reserved address",
            "::, an unspecified address",
            "::1, a loopback address",
            "fe80::1, a link-local address",
            "febf:ffff::1, a link-local address",
            "fec0::1, a site-local address",
            "fc00::1, a unique local address",
            "fdff:ffff::1, a unique local address",
            "ff02::1, a multicast address",
            "100::1, a discard-only address",
            "2001:db8::1, a documentation address",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2, a Teredo address",
            "64:ff9b:1::1, a local NAT64 address",
            "::ffff:127.0.0.1, a loopback address",
            "::ffff:10.0.0.1, a private address",
            "::ffff:7f00:1, a loopback address",
            "::ffff:169.254.169.254, a link-local address",
            "::127.0.0.1, an IPv4-compatible address",
            "::8.8.8.8, an IPv4-compatible address",
            "64:ff9b::a00:1, a private address behind NAT64",
            "64:ff9b::7f00:1, a loopback address behind NAT64",
            "2002:7f00:1::, a loopback address inside 6to4",
            "2002:c0a8:101::1, a private address inside 6to4",
    })
    void refuses(String literal, String reason) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(AddressPolicy.nonPublic(address)).as(literal).contains(reason);
        assertThat(strict.allows(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.215.14", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "192.169.0.1", "169.253.0.1", "223.255.255.255", "198.17.0.1", "198.20.0.1",
            "2606:4700:4700::1111", "2a01:4f8::1", "64:ff9b::808:808", "2002:808:808::1", "0177.0.0.1"})
    void allowsPublicAddresses(String literal) throws Exception {
        // "0177.0.0.1" is read by the JDK as 177.0.0.1, not as octal 127.0.0.1: what is checked is what is dialled.
        assertThat(AddressPolicy.nonPublic(InetAddress.getByName(literal))).as(literal).isEmpty();
    }

    @Test
    void theAllowlistOpensOnlyItsRanges() throws Exception {
        AddressPolicy dev = new AddressPolicy(List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128")));
        assertThat(dev.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(dev.allows(InetAddress.getByName("127.3.4.5"))).isTrue();
        assertThat(dev.allows(InetAddress.getByName("::1"))).isTrue();
        assertThat(dev.allows(InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThat(dev.allows(InetAddress.getByName("169.254.169.254"))).isFalse();
        assertThat(dev.allows(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(dev.refusal(InetAddress.getByName("192.168.0.1"))).contains("a private address");
    }

    @Test
    void anIpv4MappedAddressKeptAsIpv6IsJudgedAndAllowedAsIpv4() throws Exception {
        // The JDK turns ::ffff:a.b.c.d into an Inet4Address when parsing; one built from bytes stays IPv6.
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        InetAddress v6 = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(v6).isInstanceOf(Inet6Address.class);
        assertThat(AddressPolicy.publicOnly().refusal(v6)).contains("a loopback address");
        assertThat(new AddressPolicy(List.of(Cidr.parse("127.0.0.0/8"))).allows(v6)).isTrue();
    }
}
