package social.starling.service.moderation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Mastodon's canonical e-mail address (CanonicalEmailBlock.email_to_canonical_email): lowercased, the local part
 * without dots and without anything from the first {@code +}, so {@code J.Doe+spam@Example.com} and
 * {@code jdoe@example.com} are one address. Like Mastodon this is done for every provider, not only Gmail.
 * Blocks store only the SHA-256 hex digest of it.
 */
public final class CanonicalEmail {
    private CanonicalEmail() {
    }

    public static String canonical(String email) {
        String lower = email.strip().toLowerCase(Locale.ROOT);
        int at = lower.indexOf('@');
        String local = at < 0 ? lower : lower.substring(0, at);
        String domain = at < 0 ? "" : lower.substring(at + 1);
        local = local.replace(".", "");
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        return local + "@" + domain;
    }

    public static String hash(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(email).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
