package social.starling.service.account;

import social.starling.model.Role;

/** What it takes to create a local account. {@code reason} is the applicant's note when approval is required. */
public record NewLocalAccount(String username, String email, String password, Role role, String locale,
                              boolean approved, boolean confirmed, String reason, String signUpIp) {
}
