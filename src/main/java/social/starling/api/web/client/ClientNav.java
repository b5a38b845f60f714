package social.starling.api.web.client;

import java.util.List;

/**
 * The web client's navigation, the same on every page of {@code /web}: where one can go, which is the current
 * page, and the CSRF token its forms (compose, actions) carry.
 */
public record ClientNav(List<Item> items, String username, String csrf) {
    public record Item(String href, String label, boolean current) {
    }

    /** The sections, in the order they are shown. */
    public enum Section {
        HOME("/web/home", "Home"),
        NOTIFICATIONS("/web/notifications", "Notifications"),
        LOCAL("/web/local", "Local"),
        FEDERATED("/web/federated", "Federated"),
        SEARCH("/web/search", "Search"),
        LISTS("/web/lists", "Lists"),
        FOLLOW_REQUESTS("/web/follow_requests", "Follow requests"),
        BOOKMARKS("/web/bookmarks", "Bookmarks"),
        PROFILE(null, "Profile"),
        SETTINGS("/web/settings/profile", "Settings"),
        NONE(null, null);

        final String href;
        final String label;

        Section(String href, String label) {
            this.href = href;
            this.label = label;
        }
    }

    static ClientNav of(Section current, String username, String csrf) {
        List<Item> items = java.util.Arrays.stream(Section.values())
                .filter(s -> s.label != null)
                .map(s -> new Item(s == Section.PROFILE ? "/web/@" + username : s.href, s.label, s == current))
                .toList();
        return new ClientNav(items, username, csrf);
    }
}
