package social.starling.federation.signature;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A received request as the signature verifier sees it, free of any HTTP library.
 *
 * @param method    the request method, as received ({@code POST})
 * @param targetUri the URI the sender addressed, as the public sees this server: scheme and host from the configured
 *                  base URL (not from a proxy's view), the path and query exactly as received, still percent-encoded
 * @param headers   every header line, names in any case; a name received on several lines keeps all its values
 * @param body      the raw body bytes ({@code new byte[0]} when there is none)
 */
public record InboundRequest(String method, URI targetUri, Map<String, List<String>> headers, byte[] body) {
    public InboundRequest {
        if (!targetUri.isAbsolute() || targetUri.getRawAuthority() == null) {
            throw new IllegalArgumentException("the target URI must be absolute");
        }
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    /** Convenience for one value per header. */
    public static InboundRequest of(String method, URI targetUri, Map<String, String> headers, byte[] body) {
        TreeMap<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> multi.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        return new InboundRequest(method, targetUri, multi, body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Every value of a header, in order; empty when absent. */
    public List<String> all(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The header's only value; empty when absent. */
    Optional<String> single(String name) throws SignatureVerificationException {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw new SignatureVerificationException("the " + name + " header appears more than once");
        }
        return values.stream().findFirst();
    }

    boolean isPost() {
        return method.equalsIgnoreCase("POST");
    }

    byte[] rawBody() {
        return body;
    }

    /** {@code host[:port]} of the target, lower case, the default port left out (as a Host header carries it). */
    String authority() {
        return authorityOf(targetUri);
    }

    static String authorityOf(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host in " + uri);
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return defaultPort ? host : host + ":" + port;
    }

    /** Path and query as sent: {@code /users/alice/inbox?x=1}. */
    String pathAndQuery() {
        return path() + (targetUri.getRawQuery() == null ? "" : "?" + targetUri.getRawQuery());
    }

    String path() {
        String path = targetUri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
