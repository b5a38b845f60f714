package social.starling.model;

import java.time.Instant;

/** The login behind a local account. */
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
        Instant createdAt) {

    public boolean confirmed() {
        return confirmedAt != null;
    }

    /** May this user sign in and use the API: confirmed, approved and not disabled. */
    public boolean functional() {
        return confirmed() && approved && !disabled;
    }
}
