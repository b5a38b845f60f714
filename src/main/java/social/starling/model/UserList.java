package social.starling.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A list of accounts its owner follows, read as its own timeline (Mastodon's List). {@code exclusive} keeps the
 * members' posts out of the owner's home feed (Mastodon 4.2).
 */
public record UserList(long id, long accountId, String title, RepliesPolicy repliesPolicy, boolean exclusive,
                       Instant createdAt, Instant updatedAt) {

    /** Which replies by members the list timeline shows (besides replies to oneself and to the owner). */
    public enum RepliesPolicy {
        /** replies to anyone the owner follows */
        FOLLOWED,
        /** replies to members of the list */
        LIST,
        /** no replies to others */
        NONE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<RepliesPolicy> parse(String raw) {
            if (raw == null) {
                return Optional.empty();
            }
            for (RepliesPolicy p : values()) {
                if (p.wireName().equals(raw)) { // exact, as Rails' enums
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }
}
