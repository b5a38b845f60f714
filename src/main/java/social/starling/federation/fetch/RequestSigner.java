package social.starling.federation.fetch;

import java.net.URI;
import java.util.Map;

/**
 * Headers to sign one outbound request with, asked again for every redirect hop (a signature covers the host and
 * path). With {@code HttpSigner}: {@code (method, uri, body) -> signer.sign(method, uri, Map.of(), body, keyId, key)}.
 */
@FunctionalInterface
public interface RequestSigner {
    RequestSigner NONE = (method, target, body) -> Map.of();

    Map<String, String> headersFor(String method, URI target, byte[] body);
}
