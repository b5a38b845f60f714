package social.starling.api.web;

/** An admin-written page (privacy policy, terms of service): {@code html} is admin HTML, rendered as is. */
public record TextPage(String heading, String html, String updated) {
    /** The layout adds the heading unless the text brings its own. */
    public boolean showHeading() {
        return !html.contains("<h1");
    }
}
