package social.starling.api.web;

import java.util.List;
import social.starling.model.Rule;

/**
 * The sign-up form. Which fields show depends on the server: {@code askReason} in approval mode (without an invite),
 * {@code askDateOfBirth} when a minimum age is set, {@code askInvite} in invite and closed modes or when an invite
 * link was followed. {@code values} are what the person typed (never the password).
 */
public record SignUpPage(String title, String modeLabel, String modeSummary, List<Rule> rules, boolean askReason,
                         boolean askDateOfBirth, Integer minAge, boolean askInvite, boolean inviteRequired,
                         Values values, FormErrors errors) {

    public record Values(String username, String email, String reason, String dateOfBirth, String inviteCode,
                         boolean agreement) {
        public static final Values EMPTY = new Values(null, null, null, null, null, false);
    }
}
