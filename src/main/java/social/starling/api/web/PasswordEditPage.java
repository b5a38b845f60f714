package social.starling.api.web;

/** The "choose a new password" form; {@code token} is the reset link's token, carried in a hidden field. */
public record PasswordEditPage(String token, FormErrors errors) {
}
