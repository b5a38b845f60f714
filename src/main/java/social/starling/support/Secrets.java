package social.starling.support;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets: passwords people type, and tokens machines pass around. */
public final class Secrets {
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A password without look-alike characters (no 0/O, 1/l/I). */
    public static String password(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A URL-safe token with {@code bytes} bytes of randomness. */
    public static String token(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
