package social.starling.federation.inbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Origins (scheme, host, port) of ids, for the rules of FEP-fe34 that every inbound handler applies: an actor
 * speaks only for objects on its own origin, and nobody outside speaks for objects on this server's.
 */
public final class Origins {
    private final String local;

    /** @param baseUrl this server's base URL */
    public Origins(String baseUrl) {
        this.local = of(baseUrl).orElseThrow(() -> new IllegalArgumentException("not a URL: " + baseUrl));
    }

    /** {@code scheme://host:port} in lower case with the port made explicit; empty for anything but http(s). */
    public static Optional<String> of(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        try {
            URI u = new URI(uri);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null) {
                return Optional.empty();
            }
            int port = u.getPort() != -1 ? u.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static boolean same(String a, String b) {
        Optional<String> oa = of(a);
        return oa.isPresent() && oa.equals(of(b));
    }

    /** Whether {@code uri} names something on this server. */
    public boolean isLocal(String uri) {
        return of(uri).map(local::equals).orElse(false);
    }
}
