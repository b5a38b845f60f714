package social.starling.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A push service on loopback, as a browser's would be: it records what it receives, answers each path with a chosen
 * status (201 by default), and plays the user agent too — it holds each subscription's P-256 key pair and auth
 * secret and decrypts a push (RFC 8291, written here from the RFC, apart from the server's code) and checks its
 * VAPID JWT (RFC 8292) against a given public key.
 */
final class LoopbackPushService implements AutoCloseable {
    record Received(String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** The user agent's side of a subscription. */
    record UserAgent(String path, KeyPair keys, byte[] auth) {
        String p256dh() {
            return b64(point((ECPublicKey) keys.getPublic()));
        }

        String authSecret() {
            return b64(auth);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

    LoopbackPushService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(statuses.getOrDefault(path, 201), -1);
            exchange.close();
        });
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    UserAgent userAgent(String path) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        return new UserAgent(path, g.generateKeyPair(), auth);
    }

    String endpoint(UserAgent ua) {
        return origin() + ua.path();
    }

    void answer(String path, int status) {
        statuses.put(path, status);
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** RFC 8291 §3-4 and RFC 8188 §2, from the user agent's side: the plaintext of one aes128gcm record. */
    static JsonNode decrypt(Received push, UserAgent ua) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(push.body());
        byte[] salt = new byte[16];
        in.get(salt);
        int rs = in.getInt();
        assertThat(rs).isEqualTo(4096);
        byte[] asPublic = new byte[in.get() & 0xFF];
        in.get(asPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        assertThat(ciphertext.length).isLessThanOrEqualTo(rs);

        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(ua.keys().getPrivate());
        ka.doPhase(publicKey(asPublic), true);
        byte[] ecdh = ka.generateSecret();
        byte[] uaPublic = point((ECPublicKey) ua.keys().getPublic());
        byte[] keyInfo = concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] {0}, uaPublic,
                asPublic);
        byte[] ikm = expand(extract(ua.auth(), ecdh), keyInfo, 32);
        byte[] prk = extract(salt, ikm);
        byte[] cek = expand(prk, concat("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0}), 16);
        byte[] nonce = expand(prk, concat("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0}), 12);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = gcm.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        assertThat(padded[end]).as("the last record's delimiter").isEqualTo((byte) 2);
        return JSON.readTree(Arrays.copyOf(padded, end));
    }

    /**
     * The legacy {@code aesgcm} coding (draft-ietf-webpush-encryption-04, Mastodon's for subscriptions without
     * {@code standard}): salt in {@code Encryption}, the sender's key as {@code dh} in {@code Crypto-Key}, keys
     * derived with a "P-256" context, and a two-byte padding length before the plaintext.
     */
    static JsonNode decryptLegacy(Received push, UserAgent ua) throws Exception {
        assertThat(push.header("Content-Encoding")).isEqualTo("aesgcm");
        byte[] salt = Base64.getUrlDecoder().decode(param(push.header("Encryption"), "salt"));
        byte[] asPublic = Base64.getUrlDecoder().decode(param(push.header("Crypto-Key"), "dh"));
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(ua.keys().getPrivate());
        ka.doPhase(publicKey(asPublic), true);
        byte[] prk = expand(extract(ua.auth(), ka.generateSecret()),
                "Content-Encoding: auth\0".getBytes(StandardCharsets.US_ASCII), 32);
        byte[] uaPublic = point((ECPublicKey) ua.keys().getPublic());
        byte[] context = concat("P-256\0".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 65}, uaPublic,
                new byte[] {0, 65}, asPublic);
        byte[] keyPrk = extract(salt, prk);
        byte[] cek = expand(keyPrk, concat("Content-Encoding: aesgcm\0".getBytes(StandardCharsets.US_ASCII),
                context), 16);
        byte[] nonce = expand(keyPrk, concat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII),
                context), 12);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = gcm.doFinal(push.body());
        int padding = ((padded[0] & 0xFF) << 8) | (padded[1] & 0xFF);
        return JSON.readTree(Arrays.copyOfRange(padded, 2 + padding, padded.length));
    }

    /** {@code name=value} out of a {@code ;}- or {@code ,}-separated header. */
    static String param(String header, String name) {
        for (String part : header.split("[;,]")) {
            String p = part.strip();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " missing from " + header);
    }

    /**
     * Checks the legacy VAPID form: {@code Authorization: WebPush <JWT>} and {@code p256ecdsa=<key>} in
     * {@code Crypto-Key}; returns the claims.
     */
    JsonNode verifyLegacyVapid(Received push, String serverKey) throws Exception {
        assertThat(param(push.header("Crypto-Key"), "p256ecdsa")).isEqualTo(serverKey);
        String authorization = push.header("Authorization");
        assertThat(authorization).startsWith("WebPush ");
        return verifyJwt(authorization.substring("WebPush ".length()), serverKey);
    }

    /**
     * Checks {@code Authorization: vapid t=<JWT>, k=<key>}: k is {@code serverKey}, the JWT is ES256 signed by it,
     * its aud is this service's origin, it expires within 24 hours; returns the claims.
     */
    JsonNode verifyVapid(Received push, String serverKey) throws Exception {
        String authorization = push.header("Authorization");
        assertThat(authorization).startsWith("vapid t=");
        String[] parts = authorization.substring("vapid ".length()).split(",\\s*");
        String jwt = parts[0].substring(2);
        assertThat(parts[1]).isEqualTo("k=" + serverKey);
        return verifyJwt(jwt, serverKey);
    }

    private JsonNode verifyJwt(String jwt, String serverKey) throws Exception {
        String[] segments = jwt.split("\\.");
        assertThat(segments).hasSize(3);
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(segments[0]));
        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(publicKey(Base64.getUrlDecoder().decode(serverKey)));
        es256.update((segments[0] + "." + segments[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(Base64.getUrlDecoder().decode(segments[2]))).as("VAPID signature").isTrue();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(segments[1]));
        assertThat(claims.get("aud").asText()).isEqualTo(origin());
        long now = System.currentTimeMillis() / 1000;
        assertThat(claims.get("exp").asLong()).isGreaterThan(now).isLessThanOrEqualTo(now + 24 * 3600);
        return claims;
    }

    private static byte[] extract(byte[] salt, byte[] ikm) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        return mac.doFinal(ikm);
    }

    /** HKDF-Expand for at most one block (all Web Push needs). */
    private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    static PublicKey publicKey(byte[] point) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        var params = ((ECPublicKey) g.generateKeyPair().getPublic()).getParams();
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65))), params));
    }

    static byte[] point(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        copy(key.getW().getAffineX(), out, 1);
        copy(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static void copy(BigInteger v, byte[] out, int at) {
        byte[] raw = v.toByteArray();
        int start = Math.max(0, raw.length - 32);
        System.arraycopy(raw, start, out, at + 32 - (raw.length - start), raw.length - start);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
