package social.starling.model;

import java.util.Locale;

/** A local user's role, from most to least powerful. Mastodon's Role entity names them the same way. */
public enum Role {
    OWNER, ADMIN, MODERATOR, USER;

    public static Role parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "owner" -> OWNER;
            case "admin" -> ADMIN;
            case "moderator" -> MODERATOR;
            case "user" -> USER;
            default -> throw new IllegalArgumentException("role must be owner, admin, moderator or user");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isStaff() {
        return this != USER;
    }
}
