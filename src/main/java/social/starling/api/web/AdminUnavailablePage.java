package social.starling.api.web;

/** A section of the admin area that is not built yet. */
public record AdminUnavailablePage(AdminNav nav, String section) {
}
