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
    MODERATION_WARNING,
    /** To staff who can manage users: someone signed up (the notification's account). */
    ADMIN_SIGN_UP("admin.sign_up"),
    /** To staff who can manage reports: a new report (the notification's report; its account is the reporter). */
    ADMIN_REPORT("admin.report");

    private final String wireName;

    NotificationType() {
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    NotificationType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
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
