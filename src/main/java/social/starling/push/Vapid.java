package social.starling.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import social.starling.service.push.P256;
import social.starling.service.push.VapidKeys;

/**
 * RFC 8292 VAPID: the {@code Authorization: vapid t=<JWT>, k=<public key>} header that tells the push service who
 * sends. The JWT is ES256 (ECDSA P-256 SHA-256, the signature as the 64 bytes r || s, which the JDK's
 * {@code SHA256withECDSAinP1363Format} produces) over {@code {"aud": <endpoint origin>, "exp": <now + 12 h>,
 * "sub": <contact>}}; RFC 8292 allows at most 24 hours. {@code sub} is {@code mailto:} the instance's contact
 * e-mail, or the instance's URL when there is none (as Mastodon).
 */
public final class Vapid {
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = b64("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));

    private final VapidKeys keys;
    private final String subject;

    public Vapid(VapidKeys keys, String contactEmail, String baseUrl) {
        this.keys = keys;
        this.subject = contactEmail == null || contactEmail.isBlank() ? baseUrl : "mailto:" + contactEmail.strip();
    }

    /** The Authorization header's value for a push to {@code endpoint}. */
    public String authorization(URI endpoint, Instant now) throws GeneralSecurityException {
        VapidKeys.Key key = keys.key();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", origin(endpoint));
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.put("sub", subject);
        String signingInput;
        try {
            signingInput = HEADER + "." + b64(JSON.writeValueAsBytes(claims));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initSign(key.privateKey());
        es256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return "vapid t=" + signingInput + "." + b64(es256.sign()) + ", k=" + key.publicKey();
    }

    /**
     * For a legacy {@code aesgcm} push: the {@code Authorization: WebPush <JWT>} value; the key goes in
     * {@link #cryptoKey()} instead.
     */
    public String legacyAuthorization(URI endpoint, Instant now) throws GeneralSecurityException {
        String header = authorization(endpoint, now);
        return "WebPush " + header.substring("vapid t=".length(), header.indexOf(", k="));
    }

    /** The {@code p256ecdsa=<key>} part of a legacy push's {@code Crypto-Key} header. */
    public String cryptoKey() {
        return "p256ecdsa=" + keys.publicKey();
    }

    /** scheme://host[:port], the port only when not the scheme's default. */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static String b64(byte[] bytes) {
        return P256.base64Url(bytes);
    }
}
