package social.starling.api.web;

import java.util.ArrayList;
import java.util.List;
import social.starling.model.User;

/**
 * Why a login cannot be used yet, in Mastodon's words (Devise's "unconfirmed" message; the API's "Your login is
 * currently pending approval" / "... disabled"). Empty when the login is functional.
 */
final class LoginState {
    static final String UNCONFIRMED = "You have to confirm your e-mail address before continuing.";
    static final String PENDING = "Your login is currently pending approval. Your account is pending review by our "
            + "staff. You will receive an e-mail once it is approved.";
    static final String DISABLED = "Your login is currently disabled.";

    private LoginState() {
    }

    static List<String> problems(User user) {
        if (user.disabled()) {
            return List.of(DISABLED);
        }
        List<String> problems = new ArrayList<>();
        if (!user.confirmed()) {
            problems.add(UNCONFIRMED);
        }
        if (!user.approved()) {
            problems.add(PENDING);
        }
        return problems;
    }
}
