package social.starling.model;

import java.time.Instant;

/** The login behind a local account, with its posting defaults (Mastodon's "source" privacy/sensitive/language). */
public record User(
        long accountId,
        String email,
        String passwordHash,
        Role role,
        String locale,
        boolean approved,
        boolean disabled,
        Instant confirmedAt,
        String signUpReason,
        Instant lastActiveAt,
        Instant createdAt,
        String defaultPrivacy,
        boolean defaultSensitive,
        String defaultLanguage,
        Long inviteId,
        /* Mastodon 4.5's default quote policy for new posts: public, followers or nobody */
        String defaultQuotePolicy) {

    public boolean confirmed() {
        return confirmedAt != null;
    }

    /** May this user sign in and use the API: confirmed, approved and not disabled. */
    public boolean functional() {
        return confirmed() && approved && !disabled;
    }

    /** A new login with Mastodon's defaults: public posts, not sensitive, no default language. */
    public static User create(long accountId, String email, String passwordHash, Role role, String locale,
                              boolean approved, Instant confirmedAt, String reason, Long inviteId, Instant now) {
        return new User(accountId, email, passwordHash, role, locale, approved, false, confirmedAt, reason, null, now,
                "public", false, null, inviteId, "public");
    }
}
