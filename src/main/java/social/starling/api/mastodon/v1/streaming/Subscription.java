package social.starling.api.mastodon.v1.streaming;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import social.starling.errors.BadRequestException;

/**
 * One stream a connection listens to, as Mastodon names it ({@code user}, {@code public:local:media},
 * {@code hashtag} with its tag, {@code list} with its id). {@link #stream} is what every message carries.
 */
record Subscription(String name, String tag, Long listId) {
    static final Set<String> NAMES = Set.of("user", "user:notification", "public", "public:media", "public:local",
            "public:local:media", "public:remote", "public:remote:media", "hashtag", "hashtag:local", "list",
            "direct");

    /** Mastodon's checks and messages (streaming/index.js channelNameToIds); 400 on a bad one. */
    static Subscription of(String name, String tag, String list) {
        if (name == null || !NAMES.contains(name)) {
            throw new BadRequestException("Unknown stream type");
        }
        if (name.startsWith("hashtag")) {
            if (tag == null || tag.isBlank()) {
                throw new BadRequestException("No tag for stream provided");
            }
            String normal = tag.strip();
            normal = normal.startsWith("#") ? normal.substring(1) : normal;
            return new Subscription(name, normal.toLowerCase(Locale.ROOT), null);
        }
        if (name.equals("list")) {
            try {
                return new Subscription(name, null, Long.parseLong(list == null ? "" : list.strip()));
            } catch (NumberFormatException e) {
                throw new BadRequestException("No list for stream provided");
            }
        }
        return new Subscription(name, null, null);
    }

    /** The {@code stream} array of messages: {@code ["hashtag", "foo"]}, {@code ["list", "12"]}, {@code ["user"]}. */
    List<String> stream() {
        if (tag != null) {
            return List.of(name, tag);
        }
        if (listId != null) {
            return List.of(name, Long.toString(listId));
        }
        return List.of(name);
    }

    boolean isPublic() {
        return name.startsWith("public");
    }

    boolean onlyMedia() {
        return name.endsWith(":media");
    }

    /** Timeline streams: those that hear of statuses (and their deletion). */
    boolean timeline() {
        return name.equals("user") || isPublic() || name.startsWith("hashtag") || name.equals("list");
    }

    /** Whether a public timeline or hashtag stream takes a status of this origin. */
    boolean origin(boolean local) {
        if (name.startsWith("public:local") || name.equals("hashtag:local")) {
            return local;
        }
        if (name.startsWith("public:remote")) {
            return !local;
        }
        return true;
    }
}
