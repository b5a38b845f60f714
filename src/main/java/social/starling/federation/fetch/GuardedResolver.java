package social.starling.federation.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Jetty's host resolution for the outbound client, with {@link AddressPolicy} applied: the host is resolved once,
 * every address it resolves to is checked, and Jetty connects to exactly those checked addresses. There is no second
 * lookup between the check and the connection, so DNS rebinding (a first answer public, the next one private) gains
 * nothing; TLS still verifies the certificate against the URL's host name, which Jetty uses for SNI and endpoint
 * identification whatever address it connected to.
 *
 * <p>When any of a host's addresses is refused, the host is refused: a name that mixes public and private addresses
 * is either misconfigured or an attempt to get lucky.
 */
final class GuardedResolver implements SocketAddressResolver {
    /** The failure a refused host produces; {@link RemoteFetcher} turns it into {@link FetchException}. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    interface Lookup {
        InetAddress[] all(String host) throws UnknownHostException;
    }

    private final AddressPolicy policy;
    private final Lookup lookup;

    GuardedResolver(AddressPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    GuardedResolver(AddressPolicy policy, Lookup lookup) {
        this.policy = policy;
        this.lookup = lookup;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context,
                        Promise<List<InetSocketAddress>> promise) {
        // DNS blocks: do it on a virtual thread, not on Jetty's selector or the caller's platform thread.
        Thread.ofVirtual().name("starling-resolve").start(() -> {
            try {
                promise.succeeded(check(host, port));
            } catch (Throwable failure) {
                promise.failed(failure);
            }
        });
    }

    List<InetSocketAddress> check(String host, int port) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = lookup.all(name);
        List<InetSocketAddress> checked = new ArrayList<>(addresses.length);
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedAddressException(host + " resolves to " + refusal.get() + ", which Starling does "
                        + "not connect to");
            }
            checked.add(new InetSocketAddress(address, port));
        }
        if (checked.isEmpty()) {
            throw new UnknownHostException(host);
        }
        return checked;
    }
}
