package social.starling.api.web;

/** A link or button on a page: a same-origin path and its label. */
public record Link(String href, String label) {
}
