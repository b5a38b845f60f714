package social.starling.federation.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signs outbound requests the way Mastodon signs them (app/lib/request.rb, docs spec/security): draft-cavage HTTP
 * Signatures with {@code algorithm="rsa-sha256"}, covering {@code (request-target) host date} and, when there is a
 * body, {@code digest} with {@code Digest: SHA-256=<base64>}. Every implementation in the fediverse reads this form;
 * RFC 9421 is verified on the way in ({@link SignatureVerifier}) but not sent yet.
 *
 * <p>A signature covers the inbox's host and path and the current date, so a delivery is signed once per (activity,
 * inbox) and again at each retry; the body bytes (and so the digest) stay the same for every inbox.
 */
public final class HttpSigner {
    private final Clock clock;

    public HttpSigner(Clock clock) {
        this.clock = clock;
    }

    /**
     * The headers to set on the request: {@code Host}, {@code Date}, {@code Digest} (when there is a body) and
     * {@code Signature}. A {@code Host} or {@code Date} already in {@code headers} is signed as given; otherwise
     * the host comes from the URI and the date from the clock. Send the returned values exactly.
     *
     * @param method  {@code GET} or {@code POST}
     * @param target  the URI requested
     * @param headers headers the request already has (may be empty)
     * @param body    the body, or {@code null} / empty for none
     * @param keyId   the signing key's id, {@code <actor>#main-key}
     * @param key     the actor's RSA private key
     */
    public Map<String, String> sign(String method, URI target, Map<String, String> headers, byte[] body,
                                    String keyId, PrivateKey key) {
        if (!key.getAlgorithm().equals("RSA")) {
            throw new IllegalArgumentException("draft-cavage signatures here are rsa-sha256: an RSA key is needed");
        }
        Map<String, String> given = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        given.putAll(headers);
        Map<String, String> added = new LinkedHashMap<>();
        added.put("Host", given.getOrDefault("Host", InboundRequest.authorityOf(target)));
        added.put("Date", given.getOrDefault("Date", HttpDates.format(clock.instant())));
        boolean hasBody = body != null && body.length > 0;
        if (hasBody) {
            added.put("Digest", Digests.digestHeader(body));
        }

        List<String> covered = new ArrayList<>(List.of("(request-target)", "host", "date"));
        if (hasBody) {
            covered.add("digest");
        }
        StringBuilder signingString = new StringBuilder();
        for (String name : covered) {
            if (!signingString.isEmpty()) {
                signingString.append('\n');
            }
            String value = name.equals("(request-target)") ? requestTarget(method, target)
                    : added.get(Character.toUpperCase(name.charAt(0)) + name.substring(1));
            signingString.append(name).append(": ").append(value);
        }
        byte[] signature = SignatureAlgorithm.RSA_V1_5_SHA256.sign(key,
                signingString.toString().getBytes(StandardCharsets.UTF_8));
        added.put("Signature", "keyId=\"" + quoted(keyId) + "\",algorithm=\"rsa-sha256\",headers=\""
                + String.join(" ", covered) + "\",signature=\"" + Base64.getEncoder().encodeToString(signature) + "\"");
        return Collections.unmodifiableMap(added);
    }

    /** {@code (request-target)}: the method in lower case, the path and the query as they go on the wire. */
    static String requestTarget(String method, URI target) {
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return method.toLowerCase(Locale.ROOT) + " " + path
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    private static String quoted(String value) {
        if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0 || value.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
            throw new IllegalArgumentException("a key id must be printable ASCII without quotes: " + value);
        }
        return value;
    }
}
