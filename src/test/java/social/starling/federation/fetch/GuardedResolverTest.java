package social.starling.federation.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.Promise;
import org.junit.jupiter.api.Test;

class GuardedResolverTest {
    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static CompletableFuture<List<InetSocketAddress>> resolve(GuardedResolver resolver, String host) {
        CompletableFuture<List<InetSocketAddress>> result = new CompletableFuture<>();
        resolver.resolve(host, 443, Map.of(), Promise.from(result::complete, result::completeExceptionally));
        return result;
    }

    @Test
    void handsJettyExactlyTheCheckedAddresses() throws Exception {
        var resolver = new GuardedResolver(AddressPolicy.publicOnly(),
                host -> new InetAddress[] {ip("93.184.215.14"), ip("2606:2800:21f:cb07:6820:80da:af6b:8b2c")});
        assertThat(resolve(resolver, "example.com").get(5, TimeUnit.SECONDS)).containsExactly(
                new InetSocketAddress(ip("93.184.215.14"), 443),
                new InetSocketAddress(ip("2606:2800:21f:cb07:6820:80da:af6b:8b2c"), 443));
    }

    @Test
    void oneRefusedAddressRefusesTheHost() {
        var resolver = new GuardedResolver(AddressPolicy.publicOnly(),
                host -> new InetAddress[] {ip("93.184.215.14"), ip("10.0.0.5")});
        var result = resolve(resolver, "rebind.example");
        assertThat(result).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(GuardedResolver.RefusedAddressException.class)
                .withMessage("rebind.example resolves to a private address, which Starling does not connect to");
    }

    @Test
    void aBracketedIpv6LiteralIsLookedUpWithoutBrackets() throws Exception {
        var resolver = new GuardedResolver(AddressPolicy.publicOnly());
        assertThat(resolve(resolver, "[2606:4700:4700::1111]").get(5, TimeUnit.SECONDS))
                .containsExactly(new InetSocketAddress(ip("2606:4700:4700::1111"), 443));
        assertThat(resolve(resolver, "[::1]")).failsWithin(5, TimeUnit.SECONDS);
    }

    @Test
    void anUnknownHostFails() {
        var resolver = new GuardedResolver(AddressPolicy.publicOnly(), host -> {
            throw new UnknownHostException(host);
        });
        assertThat(resolve(resolver, "nowhere.invalid")).failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class).havingCause().isInstanceOf(UnknownHostException.class);
    }
}
