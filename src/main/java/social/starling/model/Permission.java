package social.starling.model;

/**
 * Mastodon's role permission flags (entities/Role.md), by bit. {@link #ADMINISTRATOR} bypasses every other check.
 * Starling's four built-in roles carry the same sets as Mastodon's seeded Owner, Admin and Moderator roles.
 */
public enum Permission {
    ADMINISTRATOR(0), DEVOPS(1), VIEW_AUDIT_LOG(2), VIEW_DASHBOARD(3), MANAGE_REPORTS(4), MANAGE_FEDERATION(5),
    MANAGE_SETTINGS(6), MANAGE_BLOCKS(7), MANAGE_TAXONOMIES(8), MANAGE_APPEALS(9), MANAGE_USERS(10),
    MANAGE_INVITES(11), MANAGE_RULES(12), MANAGE_ANNOUNCEMENTS(13), MANAGE_CUSTOM_EMOJIS(14), MANAGE_WEBHOOKS(15),
    INVITE_USERS(16), MANAGE_ROLES(17), MANAGE_USER_ACCESS(18), DELETE_USER_DATA(19);

    private final long bit;

    Permission(int shift) {
        this.bit = 1L << shift;
    }

    public long bit() {
        return bit;
    }

    public static long mask(Permission... permissions) {
        long mask = 0;
        for (Permission p : permissions) {
            mask |= p.bit;
        }
        return mask;
    }
}
