package social.starling.support;

/**
 * Version strings. Apps check the Mastodon version to decide which features to use, so Starling reports the
 * Mastodon API level it implements first, as other compatible servers do: {@code 4.5.0 (compatible; Starling 0.1.0)}.
 */
public final class Versions {
    public static final String STARLING = "0.1.0";
    public static final String MASTODON_LEVEL = "4.5.0";
    public static final String MASTODON_COMPATIBLE = MASTODON_LEVEL + " (compatible; Starling " + STARLING + ")";
    public static final int MASTODON_API_VERSION = 6;
    public static final String SOURCE_URL = "https://github.com/starling-social/starling";
    public static final String HOMEPAGE = "https://github.com/starling-social/starling";

    private Versions() {
    }
}
