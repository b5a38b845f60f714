package social.starling.federation.signature;

import java.net.URI;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9421 signatures for test requests sent over HTTP (as Fedify signs first): {@code @method}, {@code @target-uri}
 * and {@code content-digest}, {@code created} and {@code keyid}, RSA-v1.5-SHA256. Built on the test-only
 * {@link Rfc9421TestSigner}, for tests outside this package.
 */
public final class Rfc9421Requests {
    private Rfc9421Requests() {
    }

    /** The headers to send with a POST of {@code body} to {@code target}: Content-Digest, Signature-Input, Signature. */
    public static Map<String, String> signPost(URI target, byte[] body, String keyId, PrivateKey key, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Digest", Digests.contentDigestHeader(body));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", now.getEpochSecond());
        params.put("keyid", keyId);
        try {
            Rfc9421TestSigner.Signed signed = Rfc9421TestSigner.sign(InboundRequest.of("POST", target, headers, body),
                    "sig1", List.of("@method", "@target-uri", "content-digest"), params,
                    SignatureAlgorithm.RSA_V1_5_SHA256, key);
            headers.put("Signature-Input", signed.signatureInput());
            headers.put("Signature", signed.signature());
            return headers;
        } catch (SignatureVerificationException e) {
            throw new IllegalStateException(e);
        }
    }
}
