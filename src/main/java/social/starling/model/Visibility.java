package social.starling.model;

import java.util.Locale;
import java.util.Optional;

/** Who may see a status, as Mastodon: public, unlisted (public but kept off public timelines), private
 * (followers and mentioned people), direct (mentioned people only). Ordered from widest to narrowest. */
public enum Visibility {
    PUBLIC, UNLISTED, PRIVATE, DIRECT;

    /** Made once: a status's entity holds it, and the JSON memo compares an equal string char by char. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<Visibility> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        // Exact, as Rails' enum: "PUBLIC" or "public " is not a visibility.
        return switch (value) {
            case "public" -> Optional.of(PUBLIC);
            case "unlisted" -> Optional.of(UNLISTED);
            case "private" -> Optional.of(PRIVATE);
            case "direct" -> Optional.of(DIRECT);
            default -> Optional.empty();
        };
    }

    /** The narrower of two visibilities (a reply is never wider than... Mastodon leaves that to the author). */
    public Visibility narrowest(Visibility other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
