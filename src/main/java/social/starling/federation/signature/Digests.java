package social.starling.federation.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Body digests: the {@code Digest} header of draft-cavage signatures (RFC 3230, {@code SHA-256=<base64>}) and the
 * {@code Content-Digest} header of RFC 9421 signatures (RFC 9530, {@code sha-256=:<base64>:}).
 */
public final class Digests {
    private Digests() {
    }

    /** {@code SHA-256=<base64>}, the value Mastodon sends and checks. */
    public static String digestHeader(byte[] body) {
        return "SHA-256=" + Base64.getEncoder().encodeToString(hash("SHA-256", body));
    }

    /** {@code sha-256=:<base64>:}. */
    public static String contentDigestHeader(byte[] body) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(hash("SHA-256", body)) + ":";
    }

    /**
     * Checks a {@code Digest} header against the body. Mastodon reads only SHA-256 out of a comma-separated list
     * (app/lib/signed_request.rb, verify_body_digest!), and so does Starling.
     */
    static void checkDigest(String header, byte[] body) throws SignatureVerificationException {
        String offered = null;
        StringBuilder algorithms = new StringBuilder();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                throw new SignatureVerificationException("the Digest header is malformed");
            }
            String algorithm = pair[0].trim().toLowerCase(Locale.ROOT);
            algorithms.append(algorithms.isEmpty() ? "" : ", ").append(algorithm);
            if (algorithm.equals("sha-256")) {
                if (offered != null) {
                    throw new SignatureVerificationException("the Digest header names SHA-256 twice");
                }
                offered = pair[1].trim();
            }
        }
        if (offered == null) {
            throw new SignatureVerificationException(
                    "only SHA-256 is supported in the Digest header (offered: " + algorithms + ")");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(offered);
        } catch (IllegalArgumentException e) {
            throw new SignatureVerificationException("the Digest header's SHA-256 value is not base64");
        }
        if (!MessageDigest.isEqual(given, hash("SHA-256", body))) {
            throw new SignatureVerificationException("the body does not match the Digest header");
        }
    }

    /**
     * Checks a {@code Content-Digest} header: every SHA-256 and SHA-512 value in it must match and at least one must
     * be there; other algorithms are ignored (RFC 9530 lets a sender offer several).
     */
    static void checkContentDigest(String header, byte[] body) throws SignatureVerificationException {
        Map<String, StructuredFields.Member> dictionary;
        try {
            dictionary = StructuredFields.parseDictionary(header);
        } catch (StructuredFields.ParseException e) {
            throw new SignatureVerificationException("the Content-Digest header is malformed: " + e.getMessage());
        }
        int checked = 0;
        for (Map.Entry<String, StructuredFields.Member> entry : dictionary.entrySet()) {
            String algorithm = switch (entry.getKey()) {
                case "sha-256" -> "SHA-256";
                case "sha-512" -> "SHA-512";
                default -> null;
            };
            if (algorithm == null) {
                continue;
            }
            if (!(entry.getValue() instanceof StructuredFields.Item item)
                    || !(item.value() instanceof StructuredFields.Bytes bytes)) {
                throw new SignatureVerificationException("the Content-Digest header is malformed");
            }
            if (!MessageDigest.isEqual(bytes.value(), hash(algorithm, body))) {
                throw new SignatureVerificationException("the body does not match the Content-Digest header");
            }
            checked++;
        }
        if (checked == 0) {
            throw new SignatureVerificationException(
                    "only sha-256 and sha-512 are supported in the Content-Digest header (offered: "
                            + String.join(", ", dictionary.keySet()) + ")");
        }
    }

    static byte[] hash(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
