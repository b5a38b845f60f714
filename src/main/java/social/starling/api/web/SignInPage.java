package social.starling.api.web;

import java.util.List;

/**
 * The sign-in form: the login typed so far (never the password), a notice (e.g. after a password change), and
 * errors (wrong credentials, or why the login cannot be used yet).
 */
public record SignInPage(String login, String notice, List<String> errors) {
}
