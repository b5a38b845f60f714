package social.starling.api.web;

/** The "forgot your password?" form; it has nothing to show but the layout. */
public record PasswordNewPage() {
}
