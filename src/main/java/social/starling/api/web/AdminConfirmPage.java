package social.starling.api.web;

/** "Are you sure?" for an action that cannot be undone: a form posting to {@code action}, or back to safety. */
public record AdminConfirmPage(AdminNav nav, String heading, String text, String action, String button,
                               String cancelHref) {
}
