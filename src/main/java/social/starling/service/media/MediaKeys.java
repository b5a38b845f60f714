package social.starling.service.media;

import java.util.regex.Pattern;

/**
 * The keys a {@link MediaStore} takes (see its contract): relative paths of segments made of letters, digits and
 * {@code . _ -}, a segment never starting with a dot, so never {@code ..}; the same rule as {@link LocalMediaStore}.
 */
public final class MediaKeys {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private MediaKeys() {
    }

    /** Whether {@code key} is a media key. */
    public static boolean valid(String key) {
        return key != null && key.length() <= 1024 && KEY.matcher(key).matches();
    }

    /** {@code key}, or an {@link IllegalArgumentException} when it is not a media key. */
    static String check(String key) {
        if (!valid(key)) {
            throw new IllegalArgumentException("not a media key: " + key);
        }
        return key;
    }
}
