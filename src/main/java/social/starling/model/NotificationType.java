package social.starling.model;

import java.util.Locale;
import java.util.Optional;

/** Mastodon's notification types that Starling produces. */
public enum NotificationType {
    MENTION, STATUS, REBLOG, FOLLOW, FOLLOW_REQUEST, FAVOURITE, POLL, UPDATE,
    /** 4.5: someone quoted your status. */
    QUOTE,
    /** 4.5: a status you quoted was edited. */
    QUOTED_UPDATE,
    /** 4.3: moderators took action on your account (a strike); the notification carries the AccountWarning. */
    MODERATION_WARNING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NotificationType> parse(String value) {
        for (NotificationType t : values()) {
            if (t.wireName().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
