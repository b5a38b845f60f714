package social.starling.federation.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import social.starling.config.Cidr;

/**
 * Which addresses outbound federation requests may connect to: public unicast addresses only, so a remote server
 * cannot make Starling reach into its own network (server-side request forgery) through an actor, object, inbox or
 * media URL. Refused, after DNS resolution:
 *
 * <ul>
 *   <li>IPv4: 0.0.0.0/8 (unspecified, "this network"), 10/8, 172.16/12, 192.168/16 (private), 100.64/10 (CGNAT),
 *       127/8 (loopback), 169.254/16 (link-local, cloud metadata), 192.0.0/24 (IETF protocol assignments),
 *       192.0.2/24, 198.51.100/24, 203.0.113/24 (documentation), 198.18/15 (benchmarking), 224/4 (multicast),
 *       240/4 and 255.255.255.255 (reserved, broadcast);</li>
 *   <li>IPv6: :: and ::1, fc00::/7 (unique local), fe80::/10 (link-local), fec0::/10 (old site-local), ff00::/8
 *       (multicast), 100::/64 (discard), 2001:db8::/32 (documentation), 2001::/32 (Teredo), 64:ff9b:1::/48
 *       (local NAT64), ::/96 (IPv4-compatible, deprecated);</li>
 *   <li>forms that carry an IPv4 address: ::ffff:0:0/96 (IPv4-mapped), 64:ff9b::/96 (NAT64) and 2002::/16 (6to4)
 *       are judged by the IPv4 address inside.</li>
 * </ul>
 *
 * <p>The configured {@code STARLING_FEDERATION_ALLOW_PRIVATE} ranges are the only exception (development, tests).
 */
public final class AddressPolicy {
    private final List<Cidr> allowed;

    public AddressPolicy(List<Cidr> allowPrivate) {
        this.allowed = List.copyOf(allowPrivate);
    }

    /** Public addresses only, no exceptions. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(List.of());
    }

    /** Why a connection to this address is refused; empty when it is allowed. */
    public Optional<String> refusal(InetAddress address) {
        Optional<String> reason = nonPublic(address);
        if (reason.isEmpty()) {
            return reason;
        }
        InetAddress plain = unmapped(address);
        for (Cidr range : allowed) {
            if (range.contains(plain)) {
                return Optional.empty();
            }
        }
        return reason;
    }

    public boolean allows(InetAddress address) {
        return refusal(address).isEmpty();
    }

    /** Why an address is not a public unicast address (see the class comment); empty when it is one. */
    public static Optional<String> nonPublic(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? ipv4(b) : ipv6(b);
    }

    private static Optional<String> ipv4(byte[] b) {
        int a = b[0] & 0xFF;
        int c = b[1] & 0xFF;
        int d = b[2] & 0xFF;
        String reason = null;
        if (a == 0) {
            reason = "an unspecified address";
        } else if (a == 10 || (a == 172 && (c & 0xF0) == 16) || (a == 192 && c == 168)) {
            reason = "a private address";
        } else if (a == 100 && (c & 0xC0) == 64) {
            reason = "a shared (CGNAT) address";
        } else if (a == 127) {
            reason = "a loopback address";
        } else if (a == 169 && c == 254) {
            reason = "a link-local address";
        } else if (a == 192 && c == 0 && d == 0) {
            reason = "an IETF protocol address";
        } else if ((a == 192 && c == 0 && d == 2) || (a == 198 && c == 51 && d == 100) || (a == 203 && c == 0 && d == 113)) {
            reason = "a documentation address";
        } else if (a == 198 && (c & 0xFE) == 18) {
            reason = "a benchmarking address";
        } else if (a >= 224 && a <= 239) {
            reason = "a multicast address";
        } else if (a >= 240) {
            reason = "a reserved address";
        }
        return Optional.ofNullable(reason);
    }

    private static Optional<String> ipv6(byte[] b) {
        if (zeros(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return ipv4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d
        }
        if (zeros(b, 0, 15)) {
            return Optional.of(b[15] == 0 ? "an unspecified address" : b[15] == 1 ? "a loopback address"
                    : "an IPv4-compatible address");
        }
        if (zeros(b, 0, 12)) {
            return Optional.of("an IPv4-compatible address");
        }
        int first = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        int second = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        int third = ((b[4] & 0xFF) << 8) | (b[5] & 0xFF);
        if (first == 0x0064 && second == 0xff9b && zeros(b, 4, 12)) {
            return ipv4(Arrays.copyOfRange(b, 12, 16)).map(r -> r + " behind NAT64"); // 64:ff9b::/96
        }
        if (first == 0x0064 && second == 0xff9b && third == 0x0001) {
            return Optional.of("a local NAT64 address");
        }
        if (first == 0x2002) {
            return ipv4(Arrays.copyOfRange(b, 2, 6)).map(r -> r + " inside 6to4");
        }
        if (first == 0x0100 && zeros(b, 2, 8)) {
            return Optional.of("a discard-only address");
        }
        if (first == 0x2001 && second == 0x0db8) {
            return Optional.of("a documentation address");
        }
        if (first == 0x2001 && second == 0x0000) {
            return Optional.of("a Teredo address");
        }
        if ((first & 0xFE00) == 0xFC00) {
            return Optional.of("a unique local address");
        }
        if ((first & 0xFFC0) == 0xFE80) {
            return Optional.of("a link-local address");
        }
        if ((first & 0xFFC0) == 0xFEC0) {
            return Optional.of("a site-local address");
        }
        if ((first & 0xFF00) == 0xFF00) {
            return Optional.of("a multicast address");
        }
        return Optional.empty();
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** ::ffff:a.b.c.d as a.b.c.d, so IPv4 allowlist ranges match it. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16 && zeros(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            try {
                return Inet4Address.getByAddress(Arrays.copyOfRange(b, 12, 16));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address;
    }
}
