package social.starling.model;

import java.util.Locale;
import java.util.Optional;

/** Who may sign up, as Mastodon's registrations_mode (open, approved, none) plus invite-only. */
public enum RegistrationMode {
    OPEN, APPROVAL, INVITE, CLOSED;

    /** The mode a configuration value names (Mastodon's spellings accepted), or empty. */
    public static Optional<RegistrationMode> parse(String value) {
        return Optional.ofNullable(switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> OPEN;
            case "approval", "approved" -> APPROVAL;
            case "invite", "invites", "invite-only" -> INVITE;
            case "closed", "none" -> CLOSED;
            default -> null;
        });
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
