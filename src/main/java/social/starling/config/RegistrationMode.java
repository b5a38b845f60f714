package social.starling.config;

import java.util.Locale;

/** Who may sign up, as Mastodon's registrations_mode (open, approved, none) plus invite-only. */
public enum RegistrationMode {
    OPEN, APPROVAL, INVITE, CLOSED;

    public static RegistrationMode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> OPEN;
            case "approval", "approved" -> APPROVAL;
            case "invite", "invites", "invite-only" -> INVITE;
            case "closed", "none" -> CLOSED;
            default -> throw new ConfigException(
                    "STARLING_REGISTRATIONS must be one of open, approval, invite, closed (got '" + value + "')");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
