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

    /** Mastodon's permission bitmask for the role (the sets Mastodon seeds its Owner, Admin and Moderator with). */
    public long permissions() {
        return switch (this) {
            case OWNER -> Permission.ADMINISTRATOR.bit();
            case ADMIN -> Permission.mask(Permission.VIEW_AUDIT_LOG, Permission.VIEW_DASHBOARD,
                    Permission.MANAGE_REPORTS, Permission.MANAGE_FEDERATION, Permission.MANAGE_SETTINGS,
                    Permission.MANAGE_BLOCKS, Permission.MANAGE_TAXONOMIES, Permission.MANAGE_APPEALS,
                    Permission.MANAGE_USERS, Permission.MANAGE_INVITES, Permission.MANAGE_RULES,
                    Permission.MANAGE_ANNOUNCEMENTS, Permission.MANAGE_CUSTOM_EMOJIS, Permission.INVITE_USERS,
                    Permission.MANAGE_ROLES, Permission.MANAGE_USER_ACCESS, Permission.DELETE_USER_DATA);
            case MODERATOR -> Permission.mask(Permission.VIEW_AUDIT_LOG, Permission.VIEW_DASHBOARD,
                    Permission.MANAGE_REPORTS, Permission.MANAGE_TAXONOMIES, Permission.MANAGE_APPEALS,
                    Permission.MANAGE_USERS, Permission.MANAGE_INVITES, Permission.INVITE_USERS);
            case USER -> Permission.INVITE_USERS.bit();
        };
    }

    /** Whether the role grants {@code permission}; the administrator flag grants everything. */
    public boolean can(Permission permission) {
        long mask = permissions();
        return (mask & Permission.ADMINISTRATOR.bit()) != 0 || (mask & permission.bit()) != 0;
    }
}
