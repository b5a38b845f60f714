package social.starling.service.account;

import social.starling.model.Role;

/** What it takes to create a local account. {@code reason} is the applicant's note when approval is required. */
public record NewLocalAccount(String username, String email, String password, Role role, String locale,
                              boolean approved, boolean confirmed, String reason, String signUpIp, Long inviteId) {

    /** A confirmed, approved account (admin command line, owner bootstrap, tests). */
    public static NewLocalAccount ready(String username, String email, String password, Role role) {
        return new NewLocalAccount(username, email, password, role, "en", true, true, null, null, null);
    }
}
